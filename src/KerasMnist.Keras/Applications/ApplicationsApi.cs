namespace KerasMnist.Keras.Applications;

/// <summary><c>keras.applications</c>.</summary>
public sealed partial class ApplicationsApi
{
}
