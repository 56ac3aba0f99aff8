using System.Diagnostics;

namespace KerasMnist.Tutorial;

/// <summary>
/// Runs stages like a person runs a notebook's sections: in notebook order, each on the shared kernel,
/// and a stage whose inputs are missing gets the stages it needs run first (saying so).
/// </summary>
public sealed class StageRunner
{
    readonly IReadOnlyList<Stage> stages;

    /// <summary>
    /// A runner over <paramref name="stages"/> (notebook order). Checks the declarations when the program starts:
    /// names are unique, and every stage a stage needs is one of these, before it in notebook order.
    /// </summary>
    /// <exception cref="InvalidOperationException">A declaration is wrong; the message names the stage.</exception>
    public StageRunner(IReadOnlyList<Stage> stages)
    {
        for (var i = 0; i < stages.Count; i++)
        {
            var info = stages[i].Info;
            if (stages.Take(i).Any(s => s.Info.Name == info.Name))
                throw new InvalidOperationException($"Two stages are named '{info.Name}'.");
            foreach (var need in info.Needs)
                if (!stages.Take(i).Any(s => s.GetType() == need))
                    throw new InvalidOperationException(
                        $"Stage '{info.Name}' needs '{StageAttribute.Find(need)?.Name ?? need.Name}' ({need.Name}), " +
                        "which is not a stage before it in notebook order.");
        }
        this.stages = stages;
    }

    /// <summary>The stages' names in notebook order.</summary>
    public IReadOnlyList<string> Names => stages.Select(s => s.Info.Name).ToList();

    /// <summary>The stages in notebook order.</summary>
    public IReadOnlyList<Stage> Stages => stages;

    /// <summary>One step of a plan: the stage, and the note to print before it (when it starts a group of prerequisites).</summary>
    public sealed record Step(Stage Stage, string? Note);

    /// <summary>
    /// The stages to run for <paramref name="requested"/> (all when empty), in notebook order whatever order they
    /// were asked in: the requested ones, plus the stages they need that did not run on <paramref name="kernel"/>
    /// yet. The first of the stages added for a requested one carries a note that says why they run.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a stage; the message lists the valid ones.</exception>
    public IReadOnlyList<Step> Plan(IEnumerable<string> requested, Kernel kernel)
    {
        var names = requested.ToHashSet();
        var unknown = names.Except(Names).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown stage '{unknown[0]}'. Valid stages: {string.Join(", ", Names)}.");

        var wanted = names.Count == 0 ? stages : stages.Where(s => names.Contains(s.Info.Name)).ToList();
        var planned = wanted.ToHashSet();
        var notes = new Dictionary<Stage, string>();
        foreach (var stage in wanted)
        {
            var missing = Prerequisites(stage)
                .Where(s => !planned.Contains(s) && !kernel.Executed.Contains(s.Info.Name))
                .ToList();
            if (missing.Count == 0) continue;
            notes[missing[0]] = Announce(stage, missing);
            planned.UnionWith(missing);
        }
        return stages.Where(planned.Contains).Select(s => new Step(s, notes.GetValueOrDefault(s))).ToList();
    }

    /// <summary>Runs <paramref name="plan"/> (from <see cref="Plan"/>), printing each stage's heading, outputs and wall time.</summary>
    public static void Run(IReadOnlyList<Step> plan, Session session)
    {
        var terminal = session.Terminal;
        var total = Stopwatch.StartNew();
        foreach (var (stage, note) in plan)
        {
            if (note is not null) terminal.Note(note);
            terminal.Heading(stage.Info.Heading, stage.Info.Name);
            session.Observer?.StageStarted(stage, note);
            var watch = Stopwatch.StartNew();
            try
            {
                stage.Execute(session);
            }
            catch (Exception e)
            {
                // Background work (prefetch threads) wraps the real error; the user wants that one.
                var cause = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerExceptions[0] : e;
                session.Observer?.StageFailed(watch.Elapsed, cause);
                throw new StageFailedException(stage.Info.Name, cause);
            }
            session.Observer?.StageFinished(watch.Elapsed);
            session.Kernel.MarkExecuted(stage.Info.Name);
            terminal.BlankLine();
            terminal.Note($"Laufzeit ({stage.Info.Name}): {WallTime.Format(watch.Elapsed)}");
        }
        terminal.BlankLine();
        terminal.Note($"Fertig: {German.Count(plan.Count, "Abschnitt", "Abschnitte")} in {WallTime.Format(total.Elapsed)}.");
    }

    /// <summary>Everything <paramref name="stage"/> needs, transitively, in notebook order.</summary>
    IEnumerable<Stage> Prerequisites(Stage stage)
    {
        var needed = new HashSet<Type>();
        var pending = new Stack<Type>(stage.Info.Needs);
        while (pending.TryPop(out var type))
            if (needed.Add(type))
                foreach (var next in StageAttribute.Of(type).Needs) pending.Push(next);
        return stages.Where(s => needed.Contains(s.GetType()));
    }

    static string Announce(Stage stage, IReadOnlyList<Stage> missing) =>
        $"{stage.Info.Name} braucht {string.Join(", ", missing.Select(s => s.Info.Name))}: {(missing.Count == 1 ? "läuft" : "laufen")} zuerst.";
}
