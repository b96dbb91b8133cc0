// Packages and the consumer test (loaded by build.cake). What a .NET service takes: ScaleDefense
// (API, bindings, libscaledefense.so for linux-x64 and linux-arm64), ScaleDefense.OpenCvSharp, ScaleDefense.SkiaSharp, ScaleDefense.ML,
// and the scaledefense dotnet tool; and the proof that they work as packages, not as projects.

string PackageVersion() =>
    XmlPeek(root.CombineWithFilePath("Directory.Build.props"), "/Project/PropertyGroup/Version")
    ?? throw new Exception("Directory.Build.props sets no <Version>");

Task("Pack")
    .IsDependentOn("NativeLibrary")
    .IsDependentOn("NativeArm64")
    .IsDependentOn("VerifyBindings")
    .Does(() =>
{
    var output = artifacts.Combine("packages");
    CleanDirectory(output);   // only this version's packages: the consumer feed must not offer others
    foreach (string project in new[] { "src/ScaleDefense/ScaleDefense.csproj", "src/ScaleDefense.OpenCvSharp/ScaleDefense.OpenCvSharp.csproj", "src/ScaleDefense.SkiaSharp/ScaleDefense.SkiaSharp.csproj", "src/ScaleDefense.ML/ScaleDefense.ML.csproj", "src/ScaleDefense.Cli/ScaleDefense.Cli.csproj" })
    {
        DotNetPack(project, new DotNetPackSettings
        {
            Configuration = "Release",
            OutputDirectory = output,
            // Packaging warnings (NU5xxx, SD0001) are defects of the package, not advice.
            ArgumentCustomization = args => args.Append("-warnaserror"),
        });
    }
    foreach (var file in GetFiles($"{output}/*.*nupkg").OrderBy(f => f.FullPath))
        Information($"{file.GetFilename(),-40} {new System.IO.FileInfo(file.FullPath).Length / 1024.0 / 1024.0,8:0.00} MB");
});

// The packages as a service takes them: tests/consumer builds examples/QuickStart/Program.cs
// against them (plain build, single-file publish, linux-arm64 publish), and the tool is installed
// from the folder feed and run.
Task("ConsumerTest")
    .IsDependentOn("Pack")
    .Does(() =>
{
    string version = PackageVersion();
    var consumer = artifacts.Combine("consumer");
    // Its own packages folder for everything below (also when NUGET_PACKAGES points elsewhere).
    var isolated = new Dictionary<string, string> { ["NUGET_PACKAGES"] = consumer.Combine("packages").FullPath };
    // Same version, new bits: a copy extracted from an earlier pack must never stand in.
    foreach (var stale in GetDirectories($"{consumer}/packages/scaledefense*").Concat(GetDirectories($"{consumer}/tool")))
        DeleteDirectory(stale, new DeleteDirectorySettings { Recursive = true, Force = true });

    Run("dotnet", "restore tests/consumer --force", "The consumer could not restore the packed packages", isolated);
    Run("dotnet", "build tests/consumer -c Release --no-restore", "The README's examples do not build against the packages", isolated);
    ExpectQuickStartOutput(RunAndCapture("dotnet", $"\"{consumer}/bin/Consumer/release/Consumer.dll\" samples/images/coffee.png"), "plain build");

    // linux-x64 single file: native libraries beside the executable, then bundled and extracted.
    foreach ((string folder, string bundled) in new[] { ("single-file", "false"), ("single-file-bundled", "true") })
    {
        var singleFile = consumer.Combine(folder);
        Run("dotnet", $"publish tests/consumer -c Release -r linux-x64 --self-contained false -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract={bundled} -o \"{singleFile}\"",
            "Single-file publish failed", isolated);
        ExpectQuickStartOutput(RunAndCapture(singleFile.CombineWithFilePath("Consumer").FullPath, "samples/images/coffee.png"), $"{folder} publish, linux-x64");
    }

    // linux-arm64 cannot run here; the publish must carry the arm64 library, flattened beside the app.
    var arm64 = consumer.Combine("linux-arm64");
    Run("dotnet", $"publish tests/consumer -c Release -r linux-arm64 --self-contained false -o \"{arm64}\"", "linux-arm64 publish failed", isolated);
    ExpectElfMachine(arm64.CombineWithFilePath("libscaledefense.so"), 0xB7, "AArch64");

    // The packaged native libraries, exactly as NuGet extracted them, load on the documented glibc.
    var packaged = consumer.Combine($"packages/scaledefense/{version}/runtimes");
    CheckSymbolVersions(packaged.CombineWithFilePath("linux-x64/native/libscaledefense.so"), "objdump");
    CheckSymbolVersions(packaged.CombineWithFilePath("linux-arm64/native/libscaledefense.so"), "aarch64-linux-gnu-objdump");

    var tool = consumer.Combine("tool");
    Run("dotnet", $"tool install --tool-path \"{tool}\" --add-source artifacts/packages ScaleDefense.Cli --version {version}", "The tool does not install from the folder feed", isolated);
    string scaledefense = tool.CombineWithFilePath("scaledefense").FullPath;
    Expect(RunAndCapture(scaledefense, "--version"), line => line == version, $"scaledefense --version prints {version}");
    Expect(RunAndCapture(scaledefense, "analyze --library opencv --algorithm bilinear --source 1000x1000 --target 200x200"),
           line => line.Trim() == "verdict: Vulnerable", "the installed tool analyses OpenCV bilinear 1000x1000 -> 200x200 as Vulnerable");
    var scaled = consumer.CombineWithFilePath("chelsea-224.png");
    Run(scaledefense, $"scale samples/images/chelsea.png \"{scaled}\" --library opencv --algorithm bilinear --size 224x224", "The installed tool cannot scale an image");
    if (!FileExists(scaled)) throw new Exception($"scaledefense scale wrote no {scaled}");
    Information($"Consumer test passed: ScaleDefense {version} from artifacts/packages (build, single-file, linux-arm64 publish; tool installed and run)");
});

void Run(string tool, string arguments, string failure, IDictionary<string, string> environment)
{
    Information($"> {tool} {arguments}");
    int code = StartProcess(tool, new ProcessSettings { Arguments = arguments, WorkingDirectory = root, EnvironmentVariables = environment });
    if (code != 0) throw new Exception($"{failure} ({tool} exited with {code})");
}

void ExpectQuickStartOutput(IReadOnlyList<string> output, string how)
{
    var lines = output.Select(line => line.Split(": ", 2)).Where(parts => parts.Length == 2)
                      .GroupBy(parts => parts[0]).ToDictionary(group => group.Key, group => group.First()[1]);
    string Get(string key) => lines.TryGetValue(key, out string value) ? value : "(missing)";
    var failures = new List<string>();
    void Check(string key, bool ok) { if (!ok) failures.Add($"{key}: {Get(key)}"); }
    Check("backend", Get("backend") == "Native");
    Check("verdict", Get("verdict").StartsWith("Vulnerable"));
    Check("identical to Cv2.Resize", Get("identical to Cv2.Resize") == "True");
    Check("secure resize applied", Get("secure resize applied") == "Median");
    Check("strong attack", Get("strong attack").StartsWith("scaled output within"));
    // Mitchell at 600×400 → 224² reads every pixel (β < 4): Auto rebuilds the heavily weighted ones.
    Check("SkiaSharp secure resize applied", Get("SkiaSharp secure resize applied") == "WeightedMedian");
    Check("SkiaSharp Mitchell verdict", Get("SkiaSharp Mitchell verdict") != "(missing)");
    if (failures.Count > 0)
        throw new Exception($"The README's examples, built from the packages ({how}), printed unexpected lines:\n  {string.Join("\n  ", failures)}");
    Information($"QuickStart from the packages ({how}): backend Native, identical to Cv2.Resize, secure resize Median (OpenCV and SkiaSharp), strong attack ran");
}

void Expect(IReadOnlyList<string> output, Func<string, bool> wanted, string what)
{
    if (!output.Any(wanted)) throw new Exception($"Expected: {what}; got:\n{string.Join("\n", output)}");
    Information($"ok: {what}");
}

IReadOnlyList<string> RunAndCapture(string tool, string arguments)
{
    Information($"> {tool} {arguments}");
    int code = StartProcess(tool, new ProcessSettings { Arguments = arguments, WorkingDirectory = root, RedirectStandardOutput = true }, out IEnumerable<string> output);
    var lines = output.ToList();
    if (code != 0) throw new Exception($"{tool} {arguments} exited with {code}:\n{string.Join("\n", lines)}");
    return lines;
}

void ExpectElfMachine(FilePath library, int machine, string name)
{
    if (!FileExists(library)) throw new Exception($"{library} is missing");
    byte[] header = System.IO.File.ReadAllBytes(library.FullPath).Take(20).ToArray();
    if (header[18] != machine) throw new Exception($"{library} is not an {name} ELF file");
    Information($"ok: {library} is {name}");
}

void CheckSymbolVersions(FilePath library, string objdump)
{
    string maxGlibc = System.Text.RegularExpressions.Regex.Match(System.IO.File.ReadAllText(root.CombineWithFilePath("native/CMakeLists.txt").FullPath), "SCALEDEFENSE_MAX_GLIBC \"([0-9.]+)\"").Groups[1].Value;
    Run("cmake", $"-DLIBRARY=\"{library}\" -DOBJDUMP={objdump} -DMAX_GLIBC={maxGlibc} -P native/cmake/check_symbol_versions.cmake",
        $"The packaged {library} needs a newer glibc than {maxGlibc} or the system's libstdc++");
}
