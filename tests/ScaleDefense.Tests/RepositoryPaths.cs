namespace ScaleDefense.Tests;

/// <summary>Finds files of the checkout the tests were built from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string NativeBuild => Path.Combine(Root, "artifacts", "native", "build", "native");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScaleDefense.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ScaleDefense.sln not found above " + AppContext.BaseDirectory);
    }
}
