using System.Diagnostics;
using System.Globalization;

namespace Hub.Bench.Stages;

/// <summary>Wall time, CPU time, allocations and heap size of each stage, printed as a Markdown table.</summary>
public sealed class StageClock(bool collect)
{
    private readonly List<(string Name, double WallMs, double CpuMs, long Allocated, long Heap, long WorkingSet)> _rows = [];
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public T Time<T>(string name, Func<T> stage)
    {
        DynamicMethodCounter.Stage = name;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = stage();
        var wall = watch.Elapsed.TotalMilliseconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        var allocatedNow = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        if (collect)
        {
            // Retained size after the stage (only with --collect: the forced GC is not part of the times above).
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        _rows.Add((name, wall, cpuMs, allocatedNow, GC.GetTotalMemory(forceFullCollection: false), Environment.WorkingSet));
        return result;
    }

    public void Time(string name, Action stage) => Time(name, () =>
    {
        stage();
        return 0;
    });

    public void Print(TextWriter writer)
    {
        var total = _rows.Sum(r => r.WallMs);
        writer.WriteLine($"| stage | wall ms | % | CPU ms | allocated MiB | heap after{(collect ? " (GC'd)" : "")} MiB | working set MiB |");
        writer.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, wall, cpu, allocated, heap, ws) in _rows)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {wall:F0} | {100 * wall / total:F1} | {cpu:F0} | {allocated / 1048576.0:F0} | {heap / 1048576.0:F0} | {ws / 1048576.0:F0} |"));
        }
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **total** | {total:F0} | 100 | {_rows.Sum(r => r.CpuMs):F0} | {_rows.Sum(r => r.Allocated) / 1048576.0:F0} | | peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} |"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(process time {_total.Elapsed.TotalMilliseconds:F0} ms, GC count gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, GC pause total {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms)"));
    }
}
