namespace Epic16.Dashboard.Components.Charts;

/// <summary>How the values are written on the value axis and in tooltips (formatted in the browser with Intl.NumberFormat).</summary>
public enum ChartValueFormat
{
    Number,
    /// <summary>An amount in <see cref="ApexChartOptions.Currency"/>, compact on the axis ($1.2M), whole in tooltips.</summary>
    Money,
    /// <summary>Values are percentages already (42.5 is 42.5 %), as the product stores them.</summary>
    Percent,
}
