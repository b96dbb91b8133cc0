namespace ScaleDefense;

/// <summary>Which implementation does the arithmetic. Both give identical results.</summary>
public enum ScalingBackend
{
    /// <summary>The C++ core (libscaledefense.so). The default.</summary>
    Native = 0,

    /// <summary>The pure C# baseline: no native code; the reference the native core is checked against.</summary>
    Managed = 1,
}
