using System.Globalization;
using static BindGen.LibClang;

namespace BindGen;

/// <summary>
/// Maps a clang type to the C# spelling used in the bindings. Typedefs are looked through (the
/// canonical type decides); anything without an exact blittable equivalent is an error rather than
/// a guess. Sizes are the ones of the target clang parses for (x86-64 Linux, the only platform the
/// native library is built for), which is why C `long` becomes `long`.
/// </summary>
internal sealed class TypeMapper(IReadOnlySet<string> structNames, IReadOnlySet<string> enumNames)
{
    /// <summary>Maps a parameter, return or pointee type.</summary>
    public string Map(CXType type, string context)
    {
        var canonical = clang_getCanonicalType(type);
        switch (canonical.Kind)
        {
            case TypeKind.Void:
                return "void";
            case TypeKind.Pointer:
                return MapPointer(type, canonical, context);
            case TypeKind.Record:
                return DeclaredName(canonical, structNames, "struct", type, context);
            case TypeKind.Enum:
                if (clang_Type_getSizeOf(canonical) != 4)
                {
                    throw Unmappable(type, context, "the C# enums are emitted as int, this enum is not 4 bytes");
                }

                return DeclaredName(canonical, enumNames, "enum", type, context);
            default:
                return Primitive(canonical) ?? throw Unmappable(type, context);
        }
    }

    /// <summary>Maps a function parameter; an array parameter is a pointer in C, so it becomes one.</summary>
    public string MapParameter(CXType type, string context)
    {
        var canonical = clang_getCanonicalType(type);
        return canonical.Kind is TypeKind.ConstantArray or TypeKind.IncompleteArray or TypeKind.VariableArray
            ? Map(clang_getArrayElementType(canonical), context) + "*"
            : Map(type, context);
    }

    /// <summary>Maps a struct field; C arrays of primitives become fixed buffers.</summary>
    public (string Type, long? FixedLength) MapField(CXType type, string context)
    {
        var canonical = clang_getCanonicalType(type);
        if (canonical.Kind != TypeKind.ConstantArray)
        {
            return (Map(type, context), null);
        }

        // C# fixed buffers only hold primitives, so arrays of pointers or structs are rejected.
        var element = clang_getCanonicalType(clang_getArrayElementType(canonical));
        var elementType = Primitive(element)
            ?? throw Unmappable(type, context, "only arrays of integers or floating-point values are supported");
        return (elementType, clang_getArraySize(canonical));
    }

    private string MapPointer(CXType original, CXType canonical, string context)
    {
        var pointee = clang_getCanonicalType(clang_getPointeeType(canonical));
        if (pointee.Kind == TypeKind.FunctionNoProto)
        {
            throw Unmappable(original, context, "function pointer without a prototype; declare its parameters (or `void`)");
        }

        if (pointee.Kind != TypeKind.FunctionProto)
        {
            // Qualifiers vanish here on purpose: `const T*` and `T*` are the same pointer in C#.
            return Map(pointee, context) + "*";
        }

        if (clang_isFunctionTypeVariadic(pointee) != 0)
        {
            throw Unmappable(original, context, "variadic function pointers cannot be called from C#");
        }

        var parts = new List<string>();
        var count = clang_getNumArgTypes(pointee);
        for (var i = 0; i < count; i++)
        {
            parts.Add(Map(clang_getArgType(pointee, (uint)i), context));
        }

        parts.Add(Map(clang_getResultType(pointee), context));
        return "delegate* unmanaged[Cdecl]<" + string.Join(", ", parts) + ">";
    }

    private static string DeclaredName(CXType canonical, IReadOnlySet<string> known, string what, CXType original, string context)
    {
        var name = Consume(clang_getCursorSpelling(clang_getTypeDeclaration(canonical)));
        return known.Contains(name)
            ? CSharpNames.Type(name)
            : throw Unmappable(original, context, $"{what} '{name}' is not declared in the header itself");
    }

    private static string? Primitive(CXType canonical)
    {
        var size = clang_Type_getSizeOf(canonical);
        return canonical.Kind switch
        {
            // Plain char only appears as text (const char* = UTF-8 bytes); its signedness is irrelevant.
            TypeKind.CharS or TypeKind.CharU => "byte",
            TypeKind.SChar or TypeKind.Short or TypeKind.Int or TypeKind.Long or TypeKind.LongLong => SignedOfSize(size),
            TypeKind.UChar or TypeKind.UShort or TypeKind.UInt or TypeKind.ULong or TypeKind.ULongLong => UnsignedOfSize(size),
            TypeKind.Float when size == 4 => "float",
            TypeKind.Double when size == 8 => "double",
            _ => null,
        };
    }

    private static string? SignedOfSize(long size) => size switch
    {
        1 => "sbyte",
        2 => "short",
        4 => "int",
        8 => "long",
        _ => null,
    };

    private static string? UnsignedOfSize(long size) => size switch
    {
        1 => "byte",
        2 => "ushort",
        4 => "uint",
        8 => "ulong",
        _ => null,
    };

    private static BindGenException Unmappable(CXType type, string context, string? reason = null)
    {
        var spelling = Consume(clang_getTypeSpelling(type));
        var canonical = Consume(clang_getTypeSpelling(clang_getCanonicalType(type)));
        var shown = spelling == canonical ? $"'{spelling}'" : $"'{spelling}' (= '{canonical}')";
        return new BindGenException(string.Create(
            CultureInfo.InvariantCulture,
            $"{context}: cannot map C type {shown} to C#{(reason is null ? string.Empty : ": " + reason)}"));
    }
}
