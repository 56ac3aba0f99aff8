using KerasMnist.Tutorial.Stages;

namespace KerasMnist.Tutorial;

/// <summary>
/// The tutorial's stages in notebook order. Adding a stage = its class in Stages/ plus one line here,
/// at its place in the notebook.
/// </summary>
public static class StageRegistry
{
    /// <summary>New instances of every stage, in notebook order.</summary>
    public static IReadOnlyList<Stage> Create() =>
    [
        new ColabStage(),
        new ProblemStage(),
        new CollectStage(),
        new ExploreStage(),
        new PrepareStage(),
        new BuildStage(),
        new TrainStage(),
        new AnalyzeStage(),
        new ImproveStage(),
        new ApplicationsStage(),
        new ChequeStage(),
    ];
}
