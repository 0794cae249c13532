using Epic16.Domain.Acquisition;
using Epic16.Domain.Onboarding.Plans;

namespace Epic16.Domain.Onboarding.Templates;

/// <summary>A template needs a name, at least one milestone, unique keys, offsets of 0–3650 days, known dependencies and no cycle.</summary>
public static class TemplateValidator
{
    public const int MaxOffsetDays = 3650;

    public static IReadOnlyList<ValidationProblem> Validate(TemplateInput input)
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            problems.Add(new(nameof(TemplateInput.Name), "The template name is required."));
        }

        if (input.Milestones.Count == 0)
        {
            problems.Add(new(nameof(TemplateInput.Milestones), "A template needs at least one milestone."));
        }

        var keys = input.Milestones.Select(m => m.Key.Trim()).ToList();
        for (var i = 0; i < input.Milestones.Count; i++)
        {
            var m = input.Milestones[i];
            var field = $"Milestones[{i}]";
            if (string.IsNullOrWhiteSpace(m.Key))
            {
                problems.Add(new($"{field}.Key", $"Milestone {i + 1} needs a key."));
            }
            else if (keys.Count(k => k == m.Key.Trim()) > 1)
            {
                problems.Add(new($"{field}.Key", $"The key \"{m.Key.Trim()}\" is used by more than one milestone."));
            }

            if (string.IsNullOrWhiteSpace(m.Name))
            {
                problems.Add(new($"{field}.Name", $"Milestone {i + 1} needs a name."));
            }

            if (m.OffsetDays is < 0 or > MaxOffsetDays)
            {
                problems.Add(new($"{field}.OffsetDays", $"The day offset of \"{m.Name}\" must be 0 to {MaxOffsetDays} (it is {m.OffsetDays})."));
            }

            foreach (var dependency in m.DependsOn.Select(d => d.Trim()))
            {
                if (dependency == m.Key.Trim())
                {
                    problems.Add(new($"{field}.DependsOn", $"\"{m.Name}\" cannot depend on itself."));
                }
                else if (!keys.Contains(dependency))
                {
                    problems.Add(new($"{field}.DependsOn", $"\"{m.Name}\" depends on \"{dependency}\", which is not a key of this template."));
                }
            }
        }

        if (problems.Count == 0 && CycleOf(input.Milestones) is { } cycle)
        {
            problems.Add(new(nameof(TemplateInput.Milestones), $"The dependencies form a cycle: {string.Join(" → ", cycle)}."));
        }

        return problems;
    }

    /// <summary>The keys of a dependency cycle, the first repeated at the end; null when there is none.</summary>
    public static IReadOnlyList<string>? CycleOf(IReadOnlyList<TemplateMilestone> milestones)
    {
        var index = milestones.Select((m, i) => (m.Key.Trim(), (long)i)).ToDictionary(p => p.Item1, p => p.Item2);
        var graph = milestones.Select((m, i) => ((long)i, (IReadOnlyList<long>)[.. m.DependsOn.Select(d => d.Trim()).Where(index.ContainsKey).Select(d => index[d])]))
            .ToDictionary(p => p.Item1, p => p.Item2);
        return MilestonePlanner.FindCycle(graph)?.Select(i => milestones[(int)i].Key.Trim()).ToList();
    }
}
