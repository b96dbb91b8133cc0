namespace BindGen;

// What BindGen extracted from the header, already in C# terms. Lists keep declaration order so the
// emitted file is deterministic.

internal sealed record HeaderModel(
    string HeaderFileName,
    IReadOnlyList<EnumModel> Enums,
    IReadOnlyList<StructModel> Structs,
    IReadOnlyList<FunctionModel> Functions);

internal sealed record EnumModel(string Name, IReadOnlyList<EnumConstantModel> Constants);

internal sealed record EnumConstantModel(string Name, long Value);

/// <summary>A C struct; <see cref="Fields"/> is null for an opaque (declared, never defined) one.</summary>
internal sealed record StructModel(string Name, IReadOnlyList<FieldModel>? Fields, long Size);

/// <summary>A struct field. <see cref="FixedLength"/> is set for a C array, emitted as a fixed buffer.</summary>
internal sealed record FieldModel(string Name, string Type, long Offset, long? FixedLength = null);

internal sealed record FunctionModel(string Name, string ReturnType, IReadOnlyList<ParameterModel> Parameters);

internal sealed record ParameterModel(string Name, string Type);

/// <summary>A problem with the input that the user has to fix; reported as one line, exit code 2.</summary>
internal sealed class BindGenException : Exception
{
    public BindGenException()
    {
    }

    public BindGenException(string message)
        : base(message)
    {
    }

    public BindGenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
