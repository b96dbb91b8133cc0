using ScaleDefense.Cli;

namespace ScaleDefense.Tests;

/// <summary>Runs the scaledefense command in-process and checks its error contract.</summary>
internal static class CliRunner
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CliApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A failure is a non-zero exit and exactly one stderr line "error: ..." containing <paramref name="message"/>.</summary>
    public static void AssertOneLineError(int code, string error, string message) => Assert.Multiple(() =>
    {
        Assert.That(code, Is.Not.Zero);
        Assert.That(error, Does.StartWith("error: ").And.Contain(message));
        Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line");
    });
}
