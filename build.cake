// The single build entry point (run through ./build.sh). CI only calls these targets.
//   Native    CMake configure + build (Release) of libscaledefense.so and the native tests
//   Bindings  regenerate src/ScaleDefense.Interop/Generated/NativeMethods.g.cs from the C header
//   VerifyBindings  fail when the checked-in bindings are stale
//   Build     (default) everything, and publish the CLI to artifacts/cli/scaledefense
//   Test      native CTest + dotnet test + ConsumerTest, then TestDebug beside Sanitize and Fuzz (--fuzz-seconds, 30 by default here)
//   Bench     BenchmarkDotNet suite (--bench-args="--filter *Scale*" to pass arguments)
//   Demo      artifacts/cli/scaledefense demo --out artifacts/demo (builds only the library and the CLI)
//   NativeArm64  cross-build libscaledefense.so for linux-arm64 (g++-aarch64-linux-gnu)
//   TestArm64 NativeArm64 with its CTest suite, run under qemu-user
//   Pack      artifacts/packages: ScaleDefense, ScaleDefense.OpenCvSharp, ScaleDefense.SkiaSharp, the ScaleDefense.Cli tool (+ .snupkg)
//   ConsumerTest  the packed packages used as a service would: tests/consumer and the installed tool
//   Sanitize  clang builds: CTest under ASan+UBSan, the threaded tests under TSan, a C# smoke run on the ASan library
//   Fuzz      libFuzzer harnesses of the C ABI, --fuzz-seconds=60 each; any finding fails
//   TestDebug the NUnit suite in Debug (CheckForOverflowUnderflow on)

#load "build/packaging.cake"
#load "build/instrumented.cake"

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var benchArgs = Argument("bench-args", "--filter *");
var fuzzSeconds = Argument("fuzz-seconds", target == "Fuzz" ? 60 : 30);  // 30 s per harness inside Test (CI)

var root = MakeAbsolute(Directory("."));
var artifacts = root.Combine("artifacts");
var nativeBuild = artifacts.Combine("native/build");
var arm64Build = artifacts.Combine("native/build-linux-arm64");
var cliDir = artifacts.Combine("cli");
var solution = root.CombineWithFilePath("ScaleDefense.sln");
var testProject = root.CombineWithFilePath("tests/ScaleDefense.Tests/ScaleDefense.Tests.csproj");
var debugLog = artifacts.CombineWithFilePath("test-debug.log");
var header = "native/include/scaledefense/scaledefense.h";
var bindings = "src/ScaleDefense.Interop/Generated/NativeMethods.g.cs";

void Run(string tool, string arguments, string failure)
{
    Information($"> {tool} {arguments}");
    int code = StartProcess(tool, new ProcessSettings { Arguments = arguments, WorkingDirectory = root });
    if (code != 0) throw new Exception($"{failure} ({tool} exited with {code})");
}

// Starts tool in the background with its output going to log (then FinishLogged).
IProcess StartLogged(string tool, string arguments, FilePath log, IDictionary<string, string> environment = null)
{
    EnsureDirectoryExists(log.GetDirectory());
    Information("> {0} {1} > {2} (in the background)", tool, arguments, log);
    // bash only redirects: tool, arguments (double-quoted where they hold paths) and log reach it quoted.
    string command = $"exec \"{tool}\" {arguments} > \"{log}\" 2>&1";
    return StartAndReturnProcess("bash", new ProcessSettings
    {
        Arguments = $"-c \"{command.Replace("\"", "\\\"")}\"",
        WorkingDirectory = root,
        EnvironmentVariables = environment ?? new Dictionary<string, string>(),
    });
}

// Waits for a StartLogged process, shows its log (the last `lines` lines when it passed, 0 for all),
// and fails when it did.
void FinishLogged(IProcess process, FilePath log, string failure, int lines = 0)
{
    process.WaitForExit();
    int code = process.GetExitCode();
    string[] text = System.IO.File.Exists(log.FullPath) ? System.IO.File.ReadAllLines(log.FullPath) : new string[0];
    Information("--- {0} ---", log);
    Information("{0}", string.Join("\n", code == 0 && lines > 0 ? text.Skip(Math.Max(0, text.Length - lines)) : text));
    if (code != 0) throw new Exception($"{failure} (exit code {code}; log: {log})");
}

void BindGen(bool check)
{
    Run("dotnet", $"run --project tools/BindGen -c {configuration} -- --header {header} --output {bindings}" + (check ? " --check" : ""),
        check ? "The generated bindings are stale: run ./build.sh --target=Bindings and commit the result"
              : "Generating the bindings failed");
}

Task("Native").Does(() =>
{
    Run("cmake", $"-S . -B \"{nativeBuild}\" -DCMAKE_BUILD_TYPE=Release", "CMake configure failed");
    Run("cmake", $"--build \"{nativeBuild}\" --parallel {Environment.ProcessorCount}", "Native build failed");
});

// The shared library alone (no unit tests), and the check that it loads on the documented glibc.
void NativeLibrary(DirectoryPath buildDir, string configureArguments)
{
    Run("cmake", $"-S . -B \"{buildDir}\" -DCMAKE_BUILD_TYPE=Release {configureArguments}", "CMake configure failed");
    Run("cmake", $"--build \"{buildDir}\" --target scaledefense --parallel {Environment.ProcessorCount}", "Native build failed");
    Run("ctest", $"--test-dir \"{buildDir}\" -R native_library_symbol_versions --output-on-failure", "The native library needs too new a glibc or the system's libstdc++");
}

Task("NativeLibrary").Does(() => NativeLibrary(nativeBuild, ""));

Task("NativeArm64").Does(() => NativeLibrary(arm64Build, "-DCMAKE_TOOLCHAIN_FILE=native/cmake/toolchains/linux-arm64.cmake"));

Task("TestArm64")
    .IsDependentOn("NativeArm64")
    .Does(() =>
{
    Run("cmake", $"--build \"{arm64Build}\" --parallel {Environment.ProcessorCount}", "Native arm64 test build failed");
    Run("ctest", $"--test-dir \"{arm64Build}\" --output-on-failure", "Native tests failed on linux-arm64 (qemu-user)");
});

Task("Bindings").Does(() => BindGen(check: false));

Task("VerifyBindings").Does(() => BindGen(check: true));

Task("Build")
    .IsDependentOn("Native")
    .IsDependentOn("VerifyBindings")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration });
    PublishCli();
});

void PublishCli()
{
    DotNetPublish("src/ScaleDefense.Cli/ScaleDefense.Cli.csproj", new DotNetPublishSettings
    {
        Configuration = configuration,
        OutputDirectory = cliDir,
        NoBuild = false,
    });
    if (!FileExists(cliDir.CombineWithFilePath("scaledefense")))
        throw new Exception($"{cliDir}/scaledefense was not produced by the publish step");
    Information($"CLI: {cliDir}/scaledefense");
}

Task("Test")
    .IsDependentOn("Build")
    .IsDependentOn("ConsumerTest")
    .Does(() =>
{
    Run("ctest", $"--test-dir \"{nativeBuild}\" --output-on-failure", "Native tests failed");
    DotNetTest(solution.FullPath, new DotNetTestSettings
    {
        Configuration = configuration,
        NoBuild = true,
        Loggers = { "console;verbosity=normal" },
    });
})
    // After the Release suites, so a plain failure shows first: the Debug suite (overflow checks on),
    // the sanitizers and a short fuzz run (see build/instrumented.cake). The Debug suite keeps about
    // one core busy, so it runs beside the clang builds and the fuzzers; its output follows theirs.
    .Does(() =>
{
    Run("dotnet", $"build \"{testProject}\" -c Debug", "The Debug build of the tests failed");
    IProcess debugSuite = StartLogged("dotnet", $"test \"{testProject}\" -c Debug --no-build --logger \"console;verbosity=minimal\"", debugLog);
    try
    {
        RunSanitizers();
        FuzzCApi(fuzzSeconds);
    }
    catch
    {
        debugSuite.Kill();
        throw;
    }
    FinishLogged(debugSuite, debugLog, "The Debug suite (overflow checks on) failed");
});

Task("Sanitize")
    .IsDependentOn("Build")
    .Does(() =>
{
    RunSanitizers();
});

Task("Fuzz").Does(() => FuzzCApi(fuzzSeconds));

Task("TestDebug")
    .IsDependentOn("Native")
    .Does(() => RunDebugTests());

// The NUnit suite built in Debug, where CheckForOverflowUnderflow turns silent wrap-around into a failure.
void RunDebugTests() => DotNetTest(testProject.FullPath, new DotNetTestSettings
{
    Configuration = "Debug",
    Loggers = { "console;verbosity=minimal" },
});

Task("Bench")
    .IsDependentOn("Build")
    .Does(() =>
{
    Run("dotnet", $"run --project bench/ScaleDefense.Benchmarks -c Release -- {benchArgs} --artifacts \"{artifacts}/bench\"", "Benchmarks failed");
});

// The README's ".NET image stack" table: models and live probes of the .NET image libraries.
Task("ImageStackTable")
    .IsDependentOn("Build")
    .Does(() =>
{
    Run("dotnet", "run --project tools/ImageStackSurvey -c Release -- --readme README.md --out docs/dotnet-image-stack.md", "The image stack survey failed");
});

// Only what the demo runs: the tests, benchmarks and the bindings check are for Build and Test.
Task("Demo")
    .IsDependentOn("NativeLibrary")
    .Does(() =>
{
    PublishCli();
    Run(cliDir.CombineWithFilePath("scaledefense").FullPath, $"demo --out \"{artifacts}/demo\"", "The demo failed");
});

RunTarget(target);
