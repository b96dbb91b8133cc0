using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BindGen;

// Hand-written P/Invoke for the few libclang C functions BindGen needs (ClangSharp is not used).
// The native library comes from the libclang.runtime.linux-x64 package: the SDK copies it to
// runtimes/linux-x64/native/ of the output and lists it in BindGen.deps.json, which is where the
// runtime probes for "libclang".

[StructLayout(LayoutKind.Sequential)]
internal readonly struct CXString
{
    public readonly nint Data;
    public readonly uint PrivateFlags;
}

[StructLayout(LayoutKind.Sequential)]
internal readonly struct CXCursor
{
    public readonly CursorKind Kind;
    public readonly int XData;
    public readonly nint Data0;
    public readonly nint Data1;
    public readonly nint Data2;
}

[StructLayout(LayoutKind.Sequential)]
internal readonly struct CXType
{
    public readonly TypeKind Kind;
    public readonly nint Data0;
    public readonly nint Data1;
}

[StructLayout(LayoutKind.Sequential)]
internal readonly struct CXSourceLocation
{
    public readonly nint Data0;
    public readonly nint Data1;
    public readonly uint IntData;
}

/// <summary>The subset of CXCursorKind that BindGen tells apart.</summary>
internal enum CursorKind
{
    StructDecl = 2,
    UnionDecl = 3,
    EnumDecl = 5,
    FieldDecl = 6,
    EnumConstantDecl = 7,
    FunctionDecl = 8,
    VarDecl = 9,
    TypedefDecl = 20,
    StaticAssert = 602,
}

/// <summary>The subset of CXTypeKind that BindGen maps (by canonical type); everything else is rejected.</summary>
internal enum TypeKind
{
    Void = 2,
    CharU = 4,
    UChar = 5,
    UShort = 8,
    UInt = 9,
    ULong = 10,
    ULongLong = 11,
    CharS = 13,
    SChar = 14,
    Short = 16,
    Int = 17,
    Long = 18,
    LongLong = 19,
    Float = 21,
    Double = 22,
    Pointer = 101,
    Record = 105,
    Enum = 106,
    FunctionNoProto = 110,
    FunctionProto = 111,
    ConstantArray = 112,
    IncompleteArray = 114,
    VariableArray = 115,
}

internal enum DiagnosticSeverity
{
    Ignored = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}

internal static unsafe partial class LibClang
{
    private const string Library = "libclang";

    public const int StorageClassStatic = 3; // CX_SC_Static

    [LibraryImport(Library)]
    public static partial nint clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);

    [LibraryImport(Library)]
    public static partial void clang_disposeIndex(nint index);

    // CXErrorCode clang_parseTranslationUnit2(index, source, args, nargs, unsaved, nunsaved, options, out_tu)
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int clang_parseTranslationUnit2(
        nint index, string sourceFilename, string[] commandLineArgs, int numCommandLineArgs,
        nint unsavedFiles, uint numUnsavedFiles, uint options, out nint translationUnit);

    [LibraryImport(Library)]
    public static partial void clang_disposeTranslationUnit(nint translationUnit);

    [LibraryImport(Library)]
    public static partial uint clang_getNumDiagnostics(nint translationUnit);

    [LibraryImport(Library)]
    public static partial nint clang_getDiagnostic(nint translationUnit, uint index);

    [LibraryImport(Library)]
    public static partial DiagnosticSeverity clang_getDiagnosticSeverity(nint diagnostic);

    [LibraryImport(Library)]
    public static partial CXString clang_formatDiagnostic(nint diagnostic, uint options);

    [LibraryImport(Library)]
    public static partial uint clang_defaultDiagnosticDisplayOptions();

    [LibraryImport(Library)]
    public static partial void clang_disposeDiagnostic(nint diagnostic);

    [LibraryImport(Library)]
    public static partial CXCursor clang_getTranslationUnitCursor(nint translationUnit);

    [LibraryImport(Library)]
    public static partial uint clang_visitChildren(
        CXCursor parent, delegate* unmanaged[Cdecl]<CXCursor, CXCursor, nint, int> visitor, nint clientData);

    [LibraryImport(Library)]
    public static partial CursorKind clang_getCursorKind(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXString clang_getCursorKindSpelling(CursorKind kind);

    [LibraryImport(Library)]
    public static partial CXString clang_getCursorSpelling(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXSourceLocation clang_getCursorLocation(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial int clang_Location_isFromMainFile(CXSourceLocation location);

    [LibraryImport(Library)]
    public static partial void clang_getSpellingLocation(
        CXSourceLocation location, out nint file, out uint line, out uint column, out uint offset);

    [LibraryImport(Library)]
    public static partial uint clang_isCursorDefinition(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial int clang_Cursor_isAnonymous(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial uint clang_Cursor_isBitField(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial int clang_Cursor_getStorageClass(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXType clang_getCursorType(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial long clang_getEnumConstantDeclValue(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial int clang_Cursor_getNumArguments(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);

    [LibraryImport(Library)]
    public static partial long clang_Cursor_getOffsetOfField(CXCursor cursor);

    [LibraryImport(Library)]
    public static partial CXString clang_getTypeSpelling(CXType type);

    [LibraryImport(Library)]
    public static partial CXType clang_getCanonicalType(CXType type);

    [LibraryImport(Library)]
    public static partial CXType clang_getPointeeType(CXType type);

    [LibraryImport(Library)]
    public static partial CXType clang_getResultType(CXType type);

    [LibraryImport(Library)]
    public static partial int clang_getNumArgTypes(CXType type);

    [LibraryImport(Library)]
    public static partial CXType clang_getArgType(CXType type, uint index);

    [LibraryImport(Library)]
    public static partial uint clang_isFunctionTypeVariadic(CXType type);

    [LibraryImport(Library)]
    public static partial CXType clang_getArrayElementType(CXType type);

    [LibraryImport(Library)]
    public static partial long clang_getArraySize(CXType type);

    [LibraryImport(Library)]
    public static partial CXCursor clang_getTypeDeclaration(CXType type);

    [LibraryImport(Library)]
    public static partial long clang_Type_getSizeOf(CXType type);

    [LibraryImport(Library)]
    public static partial long clang_Type_getAlignOf(CXType type);

    [LibraryImport(Library)]
    public static partial nint clang_getCString(CXString text);

    [LibraryImport(Library)]
    public static partial void clang_disposeString(CXString text);

    /// <summary>Copies a CXString into managed memory and frees the native one.</summary>
    public static string Consume(CXString text)
    {
        try
        {
            return Marshal.PtrToStringUTF8(clang_getCString(text)) ?? string.Empty;
        }
        finally
        {
            clang_disposeString(text);
        }
    }

    /// <summary>The direct children of a cursor, in source order.</summary>
    public static List<CXCursor> GetChildren(CXCursor parent)
    {
        var children = new List<CXCursor>();
        var handle = GCHandle.Alloc(children);
        try
        {
            _ = clang_visitChildren(parent, &CollectChild, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }

        return children;
    }

    // Only appends to a list: an exception escaping an UnmanagedCallersOnly method would
    // terminate the process, so all real work happens after the visit returns.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CollectChild(CXCursor cursor, CXCursor parent, nint clientData)
    {
        ((List<CXCursor>)GCHandle.FromIntPtr(clientData).Target!).Add(cursor);
        return 1; // CXChildVisit_Continue
    }
}
