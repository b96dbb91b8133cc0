namespace ScaleDefense;

/// <summary>A failure inside ScaleDefense that is not the caller's argument (those raise <see cref="ArgumentException"/>).</summary>
public class ScaleDefenseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScaleDefenseException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ScaleDefenseException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ScaleDefenseException(string message, Exception innerException) : base(message, innerException) { }
}
