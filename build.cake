// The single build entry point (run through ./build.sh). CI only calls these targets.
//   Native    CMake configure + build (Release) of libscaledefense.so and the native tests
//   Bindings  regenerate src/ScaleDefense.Interop/Generated/NativeMethods.g.cs from the C header
//   VerifyBindings  fail when the checked-in bindings are stale
//   Build     (default) everything, and publish the CLI to artifacts/cli/scaledefense
//   Test      native CTest + dotnet test, then Sanitize and Fuzz (--fuzz-seconds, 30 by default here)
//   Bench     BenchmarkDotNet suite (--bench-args="--filter *Scale*" to pass arguments)
//   Demo      artifacts/cli/scaledefense demo --out artifacts/demo
//   Sanitize  clang builds: CTest under ASan+UBSan, the threaded tests under TSan, a C# smoke run on the ASan library
//   Fuzz      libFuzzer harnesses of the C ABI, --fuzz-seconds=60 each; any finding fails
//   TestDebug the NUnit suite in Debug (CheckForOverflowUnderflow on)

#load "build/instrumented.cake"

var target = Argument("target", "Build");
var configuration = Argument("configuration", "Release");
var benchArgs = Argument("bench-args", "--filter *");
var fuzzSeconds = Argument("fuzz-seconds", target == "Fuzz" ? 60 : 30);  // 30 s per harness inside Test (CI)

var root = MakeAbsolute(Directory("."));
var artifacts = root.Combine("artifacts");
var nativeBuild = artifacts.Combine("native/build");
var cliDir = artifacts.Combine("cli");
var solution = root.CombineWithFilePath("ScaleDefense.sln");
var header = "native/include/scaledefense/scaledefense.h";
var bindings = "src/ScaleDefense.Interop/Generated/NativeMethods.g.cs";

void Run(string tool, string arguments, string failure)
{
    Information($"> {tool} {arguments}");
    int code = StartProcess(tool, new ProcessSettings { Arguments = arguments, WorkingDirectory = root });
    if (code != 0) throw new Exception($"{failure} ({tool} exited with {code})");
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

Task("Bindings").Does(() => BindGen(check: false));

Task("VerifyBindings").Does(() => BindGen(check: true));

Task("Build")
    .IsDependentOn("Native")
    .IsDependentOn("VerifyBindings")
    .Does(() =>
{
    DotNetBuild(solution.FullPath, new DotNetBuildSettings { Configuration = configuration });
    DotNetPublish("src/ScaleDefense.Cli/ScaleDefense.Cli.csproj", new DotNetPublishSettings
    {
        Configuration = configuration,
        OutputDirectory = cliDir,
        NoBuild = false,
    });
    if (!FileExists(cliDir.CombineWithFilePath("scaledefense")))
        throw new Exception($"{cliDir}/scaledefense was not produced by the publish step");
    Information($"CLI: {cliDir}/scaledefense");
});

Task("Test")
    .IsDependentOn("Build")
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
    // After the Release suites, so a plain failure shows first; ~9 min here (see build/instrumented.cake).
    .Does(() =>
{
    RunSanitizers();
    FuzzCApi(fuzzSeconds);
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
    .Does(() =>
{
    DotNetTest(solution.FullPath, new DotNetTestSettings
    {
        Configuration = "Debug",
        Loggers = { "console;verbosity=minimal" },
    });
});

Task("Bench")
    .IsDependentOn("Build")
    .Does(() =>
{
    Run("dotnet", $"run --project bench/ScaleDefense.Benchmarks -c Release -- {benchArgs} --artifacts \"{artifacts}/bench\"", "Benchmarks failed");
});

Task("Demo")
    .IsDependentOn("Build")
    .Does(() =>
{
    Run(cliDir.CombineWithFilePath("scaledefense").FullPath, $"demo --out \"{artifacts}/demo\"", "The demo failed");
});

RunTarget(target);
