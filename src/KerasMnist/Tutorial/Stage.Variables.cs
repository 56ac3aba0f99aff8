using System.Runtime.CompilerServices;
using KerasMnist.Datasets.Core;
using KerasMnist.Datasets.Data;
using KerasMnist.Tfds;
using KerasMnist.Keras.Callbacks;
using KerasMnist.Keras.Models;

namespace KerasMnist.Tutorial;

// The kernel's variables under the notebook's names, declared here and nowhere else: stage code reads like
// its cell (`ds_train = ds_train.map(...)`) while the values live on in the Kernel for later stages.
// Reading one that no stage has set throws NameError, as Python does. A new variable is one line here.
public abstract partial class Stage
{
    /// <summary><c>ds_train</c>: <c>train[:70%]</c> from collect, the batched pipeline after prepare.</summary>
    protected Dataset ds_train { get => Get<Dataset>(); set => Set(value); }

    /// <summary><c>ds_valid</c>: <c>train[70%:]</c> from collect, batched after prepare.</summary>
    protected Dataset ds_valid { get => Get<Dataset>(); set => Set(value); }

    /// <summary><c>ds_test</c>: <c>test</c> from collect, batched after prepare.</summary>
    protected Dataset ds_test { get => Get<Dataset>(); set => Set(value); }

    /// <summary><c>ds_info</c>: the <c>tfds.core.DatasetInfo</c> from collect.</summary>
    protected DatasetInfo ds_info { get => Get<DatasetInfo>(); set => Set(value); }

    /// <summary><c>df</c>: the pandas-style table of <c>ds_train</c> from explore (<c>tfds.as_dataframe</c>).</summary>
    protected StyledDataFrame df { get => Get<StyledDataFrame>(); set => Set(value); }

    /// <summary><c>model</c>: the current Keras model (build's MLP, then improve's CNN, then applications' ResNet50).</summary>
    protected Model model { get => Get<Model>(); set => Set(value); }

    /// <summary><c>history</c>: the <c>History</c> the last <c>model.fit</c> returned.</summary>
    protected History history { get => Get<History>(); set => Set(value); }

    T Get<T>([CallerMemberName] string name = "") where T : class => Session.Kernel.Get<T>(name);

    void Set<T>(T value, [CallerMemberName] string name = "") where T : class => Session.Kernel.Set(name, value);
}
