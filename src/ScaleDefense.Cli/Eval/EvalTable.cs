namespace ScaleDefense.Cli.Eval;

/// <summary>A titled table of formatted cells (see <see cref="Numbers"/>), rendered as Markdown and as HTML.</summary>
internal sealed record EvalTable(string Title, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
