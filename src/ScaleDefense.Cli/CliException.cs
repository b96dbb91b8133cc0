namespace ScaleDefense.Cli;

/// <summary>A failure the user can fix (bad file, bad value); printed as one line.</summary>
internal sealed class CliException(string message) : Exception(message);
