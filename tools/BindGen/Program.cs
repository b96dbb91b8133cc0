using System.Text;
using BindGen;

// BindGen: C header -> C# P/Invoke bindings. Exit codes: 0 ok, 1 --check found a stale file,
// 2 unusable input (arguments, header, parse or mapping errors). Every failure is one stderr line.

const string Usage = "usage: BindGen --header <file.h> --output <file.cs> [--check] [--clang-arg <arg>]...";

string? header = null, output = null;
var check = false;
var clangArguments = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--header" when i + 1 < args.Length:
            header = args[++i];
            break;
        case "--output" when i + 1 < args.Length:
            output = args[++i];
            break;
        case "--clang-arg" when i + 1 < args.Length:
            clangArguments.Add(args[++i]); // e.g. -I<dir> when stdint.h is not found
            break;
        case "--check":
            check = true;
            break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        default:
            return Fail($"unexpected or incomplete argument '{args[i]}'; {Usage}");
    }
}

if (header is null || output is null)
{
    return Fail($"--header and --output are required; {Usage}");
}

if (!File.Exists(header))
{
    return Fail($"header not found: {header}");
}

string generated;
try
{
    generated = CSharpEmitter.Emit(HeaderParser.Parse(Path.GetFullPath(header), clangArguments));
}
catch (BindGenException e)
{
    return Fail(e.Message);
}
catch (DllNotFoundException e)
{
    return Fail($"cannot load libclang (expected in runtimes/linux-x64/native/ next to BindGen.dll): {e.Message}");
}

// A checkout with CRLF conversion must not count as stale, so line endings are compared normalized.
var existing = File.Exists(output) ? File.ReadAllText(output).ReplaceLineEndings("\n") : null;
var regenerate = $"./build.sh --target=Bindings (or: dotnet run --project tools/BindGen -- --header {header} --output {output})";
if (check)
{
    if (existing == generated)
    {
        Console.WriteLine($"{output} is up to date");
        return 0;
    }

    Console.Error.WriteLine(existing is null
        ? $"error: {output} does not exist. Generate it with {regenerate}"
        : $"error: {output} is stale: the C header changed. Regenerate it with {regenerate}");
    return 1;
}

// Rewriting identical content would only bump the timestamp and trigger rebuilds.
if (existing != generated)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
    File.WriteAllText(output, generated, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    Console.WriteLine($"wrote {output}");
}
else
{
    Console.WriteLine($"{output} is up to date");
}

return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"error: {message}");
    return 2;
}
