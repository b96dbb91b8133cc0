using System.Globalization;
using static BindGen.LibClang;

namespace BindGen;

/// <summary>Parses the header with libclang and collects the declarations of the main file.</summary>
internal static class HeaderParser
{
    // Parse as the C the header is written in; the `extern "C"` block is skipped as in any C build.
    private static readonly string[] BaseArguments = ["-x", "c", "-std=c17"];

    public static HeaderModel Parse(string headerPath, IReadOnlyList<string> extraClangArguments)
    {
        string[] arguments = [.. BaseArguments, .. extraClangArguments];
        var index = clang_createIndex(0, 0); // 0: diagnostics are reported by us, not printed by libclang
        try
        {
            var error = clang_parseTranslationUnit2(index, headerPath, arguments, arguments.Length, 0, 0, 0, out var unit);
            if (error != 0 || unit == 0)
            {
                throw new BindGenException(string.Create(
                    CultureInfo.InvariantCulture, $"libclang could not parse {headerPath} (CXErrorCode {error})"));
            }

            try
            {
                ReportDiagnostics(unit, headerPath);
                return new Collector(Path.GetFileName(headerPath)).Collect(clang_getTranslationUnitCursor(unit));
            }
            finally
            {
                clang_disposeTranslationUnit(unit);
            }
        }
        finally
        {
            clang_disposeIndex(index);
        }
    }

    // Warnings are passed on; any error fails the run, since a half-parsed header would silently
    // drop declarations from the bindings.
    private static void ReportDiagnostics(nint unit, string headerPath)
    {
        var errors = new List<string>();
        var count = clang_getNumDiagnostics(unit);
        for (var i = 0u; i < count; i++)
        {
            var diagnostic = clang_getDiagnostic(unit, i);
            try
            {
                var severity = clang_getDiagnosticSeverity(diagnostic);
                var text = Consume(clang_formatDiagnostic(diagnostic, clang_defaultDiagnosticDisplayOptions()));
                if (severity >= DiagnosticSeverity.Error)
                {
                    errors.Add(text);
                }
                else if (severity == DiagnosticSeverity.Warning)
                {
                    Console.Error.WriteLine(text);
                }
            }
            finally
            {
                clang_disposeDiagnostic(diagnostic);
            }
        }

        if (errors.Count > 0)
        {
            var more = errors.Count > 1
                ? string.Create(CultureInfo.InvariantCulture, $" (and {errors.Count - 1} more errors)")
                : string.Empty;
            // The NuGet libclang ships without clang's own builtin headers (stddef.h, stdbool.h, ...);
            // only what the system include directories provide (glibc's stdint.h) is found.
            var hint = errors[0].Contains("file not found", StringComparison.Ordinal)
                ? " (libclang.runtime.linux-x64 has no clang builtin headers; add a directory with --clang-arg -isystem<dir>)"
                : string.Empty;
            throw new BindGenException($"{headerPath} does not parse: {errors[0]}{more}{hint}");
        }
    }

    private sealed class Collector(string fileName)
    {
        private readonly List<CXCursor> enumDefinitions = [];
        private readonly List<string> structOrder = [];
        private readonly Dictionary<string, CXCursor> structFirstDeclarations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, CXCursor> structDefinitions = new(StringComparer.Ordinal);
        private readonly List<CXCursor> functions = [];
        private readonly HashSet<string> functionNames = new(StringComparer.Ordinal);

        public HeaderModel Collect(CXCursor translationUnit)
        {
            foreach (var cursor in GetChildren(translationUnit))
            {
                // Declarations pulled in through #include (stdint.h ...) are not part of the ABI.
                if (clang_Location_isFromMainFile(clang_getCursorLocation(cursor)) != 0)
                {
                    Declare(cursor);
                }
            }

            var enumNames = enumDefinitions.Select(NameOf).ToHashSet(StringComparer.Ordinal);
            var mapper = new TypeMapper(structOrder.ToHashSet(StringComparer.Ordinal), enumNames);
            return new HeaderModel(
                fileName,
                [.. enumDefinitions.Select(ToEnum)],
                [.. structOrder.Select(name => ToStruct(name, mapper))],
                [.. functions.Select(function => ToFunction(function, mapper))]);
        }

        private void Declare(CXCursor cursor)
        {
            switch (clang_getCursorKind(cursor))
            {
                case CursorKind.StructDecl:
                    var name = NameOf(cursor);
                    if (structFirstDeclarations.TryAdd(name, cursor))
                    {
                        structOrder.Add(name);
                    }

                    if (clang_isCursorDefinition(cursor) != 0)
                    {
                        structDefinitions[name] = cursor;
                    }

                    break;
                case CursorKind.EnumDecl:
                    if (clang_isCursorDefinition(cursor) != 0)
                    {
                        enumDefinitions.Add(cursor);
                    }

                    break;
                case CursorKind.FunctionDecl:
                    // A static (inline) function is not exported by the library, so it cannot be imported.
                    if (clang_Cursor_getStorageClass(cursor) != StorageClassStatic && functionNames.Add(NameOf(cursor)))
                    {
                        functions.Add(cursor);
                    }

                    break;
                case CursorKind.TypedefDecl:
                case CursorKind.StaticAssert:
                    break; // typedefs are resolved to their canonical types where used
                default:
                    var kind = Consume(clang_getCursorKindSpelling(clang_getCursorKind(cursor)));
                    throw Unsupported(cursor, $"{kind} '{Consume(clang_getCursorSpelling(cursor))}'");
            }
        }

        private EnumModel ToEnum(CXCursor cursor)
        {
            var name = NameOf(cursor);
            var constants = new List<EnumConstantModel>();
            foreach (var child in GetChildren(cursor))
            {
                if (clang_getCursorKind(child) != CursorKind.EnumConstantDecl)
                {
                    continue;
                }

                var value = clang_getEnumConstantDeclValue(child);
                if (value is < int.MinValue or > int.MaxValue)
                {
                    throw Error(child, $"enum {name}: {NameOf(child)} does not fit the int the C# enum is based on");
                }

                constants.Add(new EnumConstantModel(NameOf(child), value));
            }

            return new EnumModel(name, constants);
        }

        private StructModel ToStruct(string name, TypeMapper mapper)
        {
            if (!structDefinitions.TryGetValue(name, out var cursor))
            {
                // Opaque only if no included header defines it either; otherwise C code could use it by
                // value and an empty C# struct would silently have the wrong size.
                if (clang_Type_getSizeOf(clang_getCursorType(structFirstDeclarations[name])) >= 0)
                {
                    throw Unsupported(structFirstDeclarations[name], $"struct {name} is defined outside the header");
                }

                return new StructModel(name, null, 0);
            }

            var fields = new List<FieldModel>();
            long end = 0, maxAlignment = 1;
            foreach (var child in GetChildren(cursor))
            {
                switch (clang_getCursorKind(child))
                {
                    case CursorKind.FieldDecl:
                        break;
                    case CursorKind.StructDecl or CursorKind.UnionDecl or CursorKind.EnumDecl:
                        throw Unsupported(child, $"nested declaration inside struct {name} (declare it at file scope)");
                    default:
                        continue; // attributes: their effect on the layout is checked below
                }

                var field = NameOf(child);
                if (clang_Cursor_isBitField(child) != 0)
                {
                    throw Unsupported(child, $"bit-field {name}.{field}");
                }

                var type = clang_getCursorType(child);
                var (csType, fixedLength) = mapper.MapField(type, Where(child, $"field '{field}' of struct {name}"));
                var offset = clang_Cursor_getOffsetOfField(child) / 8;
                var size = clang_Type_getSizeOf(type);
                var alignment = clang_Type_getAlignOf(type);

                // The C# struct is LayoutKind.Sequential, which places each field at the next multiple of
                // its alignment; refuse layouts (packing, aligned attributes) that rule would not reproduce.
                if (offset != AlignUp(end, alignment))
                {
                    throw Error(child, $"struct {name}: field {field} is at offset {offset}, a sequential C# layout would put it at {AlignUp(end, alignment)} (packed or over-aligned structs are not supported)");
                }

                fields.Add(new FieldModel(field, csType, offset, fixedLength));
                end = offset + size;
                maxAlignment = Math.Max(maxAlignment, alignment);
            }

            if (fields.Count == 0)
            {
                throw Unsupported(cursor, $"struct {name} without fields (declare it without a body to make it opaque)");
            }

            var structSize = clang_Type_getSizeOf(clang_getCursorType(cursor));
            if (structSize != AlignUp(end, maxAlignment))
            {
                throw Error(cursor, $"struct {name} is {structSize} bytes, a sequential C# layout would make it {AlignUp(end, maxAlignment)} (packed or over-aligned structs are not supported)");
            }

            return new StructModel(name, fields, structSize);
        }

        private FunctionModel ToFunction(CXCursor cursor, TypeMapper mapper)
        {
            var name = NameOf(cursor);
            var type = clang_getCursorType(cursor);
            if (type.Kind != TypeKind.FunctionProto)
            {
                throw Unsupported(cursor, $"function {name} without a prototype (write {name}(void))");
            }

            if (clang_isFunctionTypeVariadic(type) != 0)
            {
                throw Unsupported(cursor, $"variadic function {name}");
            }

            var parameters = new List<ParameterModel>();
            var count = clang_Cursor_getNumArguments(cursor);
            for (var i = 0; i < count; i++)
            {
                var argument = clang_Cursor_getArgument(cursor, (uint)i);
                var parameter = NameOf(argument);
                if (parameter.Length == 0)
                {
                    parameter = string.Create(CultureInfo.InvariantCulture, $"arg{i}");
                }

                var where = Where(argument, $"parameter '{parameter}' of {name}");
                parameters.Add(new ParameterModel(parameter, mapper.MapParameter(clang_getCursorType(argument), where)));
            }

            var returnType = mapper.Map(clang_getResultType(type), Where(cursor, $"return type of {name}"));
            return new FunctionModel(name, returnType, parameters);
        }

        private string NameOf(CXCursor cursor)
        {
            if (clang_Cursor_isAnonymous(cursor) != 0)
            {
                throw Unsupported(cursor, "anonymous struct, union or enum (give it a tag name)");
            }

            return Consume(clang_getCursorSpelling(cursor));
        }

        private string Where(CXCursor cursor, string what)
        {
            clang_getSpellingLocation(clang_getCursorLocation(cursor), out _, out var line, out _, out _);
            return string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}: {what}");
        }

        private BindGenException Error(CXCursor cursor, string message) => new(Where(cursor, message));

        private BindGenException Unsupported(CXCursor cursor, string what) => Error(cursor, $"unsupported declaration: {what}");

        private static long AlignUp(long value, long alignment) => (value + alignment - 1) / alignment * alignment;
    }
}
