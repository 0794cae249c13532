namespace Epic16.Domain.Abm.Attribution;

/// <summary>The multi-touch models shown side by side.</summary>
public enum AttributionModel
{
    FirstTouch,
    LastTouch,
    Linear,
    UShaped,
    WShaped,
    TimeDecay,
}
