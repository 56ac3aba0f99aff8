using System.Diagnostics;

namespace KerasMnist.Tutorial;

/// <summary>
/// Runs stages like a person runs a notebook's sections: in notebook order, each on the shared kernel,
/// and a stage whose inputs are missing gets the stages it needs run first (saying so).
/// </summary>
public sealed class StageRunner
{
    readonly IReadOnlyList<Stage> stages;

    /// <summary>A runner over <paramref name="stages"/> (notebook order); checks that every stage needs only earlier ones.</summary>
    public StageRunner(IReadOnlyList<Stage> stages)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            if (stages.Take(i).Any(s => s.Name == stages[i].Name))
                throw new InvalidOperationException($"Two stages are named '{stages[i].Name}'.");
            foreach (var need in stages[i].Needs)
                if (!stages.Take(i).Any(s => s.Name == need))
                    throw new InvalidOperationException(
                        $"Stage '{stages[i].Name}' needs '{need}', which is not a stage before it in notebook order.");
        }
        this.stages = stages;
    }

    /// <summary>The stages' names in notebook order.</summary>
    public IReadOnlyList<string> Names => stages.Select(s => s.Name).ToList();

    /// <summary>The stages in notebook order.</summary>
    public IReadOnlyList<Stage> Stages => stages;

    /// <summary>One step of a plan: the stage, and the note to print before it (when it starts a group of prerequisites).</summary>
    public sealed record Step(Stage Stage, string? Note);

    /// <summary>
    /// The stages to run for <paramref name="requested"/> (all when empty): the requested ones in notebook
    /// order, each preceded by the stages it needs that neither ran on <paramref name="kernel"/> nor come earlier.
    /// </summary>
    public IReadOnlyList<Step> Plan(IEnumerable<string> requested, Kernel kernel)
    {
        var names = requested.ToHashSet();
        var wanted = names.Count == 0 ? stages : stages.Where(s => names.Contains(s.Name)).ToList();
        var unknown = names.Except(Names).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown stage '{unknown[0]}'. Valid stages: {string.Join(", ", Names)}.");

        var planned = new HashSet<string>();
        var plan = new List<Step>();
        foreach (var stage in wanted)
        {
            if (planned.Contains(stage.Name)) continue;
            var missing = Prerequisites(stage)
                .Where(s => !planned.Contains(s.Name) && !kernel.Executed.Contains(s.Name))
                .ToList();
            for (var i = 0; i < missing.Count; i++)
                plan.Add(new Step(missing[i], i == 0 ? Announce(stage, missing) : null));
            plan.Add(new Step(stage, null));
            planned.UnionWith(missing.Select(s => s.Name).Append(stage.Name));
        }
        return plan;
    }

    /// <summary>Runs <paramref name="plan"/> (from <see cref="Plan"/>), printing each stage's heading, outputs and wall time.</summary>
    public static void Run(IReadOnlyList<Step> plan, Session session)
    {
        var terminal = session.Terminal;
        var total = Stopwatch.StartNew();
        foreach (var (stage, note) in plan)
        {
            if (note is not null) terminal.Note(note);
            terminal.Heading(stage.Heading, stage.Name);
            var watch = Stopwatch.StartNew();
            try
            {
                stage.Execute(session);
            }
            catch (Exception e)
            {
                // Background work (prefetch threads) wraps the real error; the user wants that one.
                throw new StageFailedException(stage.Name, e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e);
            }
            session.Kernel.MarkExecuted(stage.Name);
            terminal.BlankLine();
            terminal.Note($"Wall time ({stage.Name}): {WallTime.Format(watch.Elapsed)}");
        }
        terminal.BlankLine();
        terminal.Note($"Done: {plan.Count} stage{(plan.Count == 1 ? "" : "s")} in {WallTime.Format(total.Elapsed)}.");
    }

    /// <summary>Everything <paramref name="stage"/> needs, transitively, in notebook order.</summary>
    IEnumerable<Stage> Prerequisites(Stage stage)
    {
        var needed = new HashSet<string>();
        var pending = new Stack<string>(stage.Needs);
        while (pending.TryPop(out var name))
            if (needed.Add(name))
                foreach (var next in stages.First(s => s.Name == name).Needs) pending.Push(next);
        return stages.Where(s => needed.Contains(s.Name));
    }

    static string Announce(Stage stage, IReadOnlyList<Stage> missing) =>
        $"{stage.Name} needs {string.Join(", ", missing.Select(s => s.Name))}: running {(missing.Count == 1 ? "it" : "them")} first.";
}
