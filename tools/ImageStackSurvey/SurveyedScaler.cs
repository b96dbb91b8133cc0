using ScaleDefense;

/// <summary>
/// A scaler of the .NET image stack and how we judge it: from our exact model where we have one,
/// otherwise by probing the real library (the verdict then rests on the recovered L and R).
/// </summary>
internal sealed record SurveyedScaler(string Stack, string Call, string Source, Func<SurveyCase, VulnerabilityReport> Analyze, string Instead)
{
    public static SurveyedScaler Modelled(string stack, string call, ScalingLibrary library, ScalingAlgorithm algorithm, ScalingOptions options, string instead) =>
        new(stack, call, "model", c => ScalingModel.Create(library, algorithm, c.Source, c.Target, options).Analyze(), instead);

    public static SurveyedScaler Probed(string stack, string call, ByteScaler scaler, string instead) =>
        new(stack, call, "probed", c => ScalingModel.Probe(c.Source, c.Target, scaler).Analyze(), instead);
}
