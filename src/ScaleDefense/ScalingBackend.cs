namespace ScaleDefense;

/// <summary>Which implementation does the arithmetic. Both give identical results.</summary>
public enum ScalingBackend
{
    /// <summary>The C++ core (libscaledefense.so). Creating a model fails with a <see cref="ScaleDefenseException"/> where it does not load.</summary>
    Native = 0,

    /// <summary>The pure C# baseline: no native code; the reference the native core is checked against. It has no strong attack.</summary>
    Managed = 1,

    /// <summary>
    /// The default: Native where the native library loads (with the ABI version these bindings expect),
    /// Managed otherwise (another OS or CPU, a missing file). <see cref="ScalingModel.Backend"/> says which
    /// one a model got, and <see cref="NativeCore.LoadError"/> why the native one was passed over.
    /// </summary>
    Auto = 2,
}
