namespace ScaleDefense.ML;

/// <summary>The pair of columns a resize reads and writes (they may have the same name).</summary>
internal readonly record struct ResizedColumn(string Output, string Input);
