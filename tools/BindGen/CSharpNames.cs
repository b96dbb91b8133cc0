using System.Text.RegularExpressions;

namespace BindGen;

/// <summary>Turns C identifiers into C# identifiers without renaming them.</summary>
internal static partial class CSharpNames
{
    // Reserved C# keywords: valid C identifiers that need an @ to stay usable as names.
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class",
        "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event",
        "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if",
        "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null",
        "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly",
        "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct",
        "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe",
        "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>A member, parameter or enum constant name.</summary>
    public static string Member(string identifier)
    {
        if (!IdentifierPattern().IsMatch(identifier))
        {
            throw new BindGenException($"'{identifier}' is not a valid C# identifier");
        }

        return Keywords.Contains(identifier) ? "@" + identifier : identifier;
    }

    /// <summary>
    /// A type name. All-lowercase names (CS8981: may become keywords) are escaped too, which is
    /// also why references to the type must use this spelling.
    /// </summary>
    public static string Type(string identifier)
    {
        var name = Member(identifier);
        return LowercaseOnlyPattern().IsMatch(name) ? "@" + name : name;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex LowercaseOnlyPattern();
}
