namespace KerasMnist.Analysis;

/// <summary>
/// <c>sklearn.utils.multiclass</c>'s <c>unique_labels</c>: the classes that sklearn's metrics report on when no
/// <c>labels</c> are given. A plot of <c>confusion_matrix(y_true, y_pred)</c> names its rows and columns with these.
/// </summary>
public static class SklearnMulticlass
{
    /// <summary>
    /// <c>unique_labels(*ys)</c>: the sorted union of the labels in every array. With few samples (a small
    /// <c>--limit</c>) it holds fewer than all classes, and so does <c>confusion_matrix</c>'s shape.
    /// </summary>
    /// <exception cref="ArgumentException">No array is given, or every array is empty.</exception>
    public static long[] unique_labels(params ArrayLike[] ys)
    {
        if (ys.Length == 0) throw new ArgumentException("No argument has been passed.", nameof(ys));
        var set = new SortedSet<long>();
        for (int i = 0; i < ys.Length; i++) set.UnionWith(ys[i].ToLabels($"ys[{i}]"));
        if (set.Count == 0) throw new ArgumentException("y_true and y_pred are empty; there is nothing to evaluate.", nameof(ys));
        return [.. set];
    }
}
