using BenchmarkDotNet.Running;

// ./build.sh --target=Bench                          every benchmark, default (publishable) job
// ./build.sh --target=Bench --bench-args="--filter *Scale* --job short"   a quick run
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
