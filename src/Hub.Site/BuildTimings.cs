using System.Diagnostics;

namespace Hub.Site;

/// <summary>
/// With the environment variable <c>HUB_TIMINGS=1</c>, a build prints when each of its steps ended (milliseconds since
/// the build started, the process's CPU time, and so far: time paused by the GC, collections per generation, bytes allocated,
/// methods the JIT compiled and its time) on standard error, to see where a build's time goes without a profiler.
/// <c>HUB_TIMINGS=gc</c> adds a line for each garbage collection: its generation, why it ran, and when.
/// </summary>
internal sealed class BuildTimings
{
    private readonly Stopwatch? _clock = Environment.GetEnvironmentVariable("HUB_TIMINGS") is "1" or "true" or "gc" ? Stopwatch.StartNew() : null;

    /// <summary>With <c>HUB_TIMINGS=gc</c>, also each garbage collection as it starts (one listener per process).</summary>
    private static readonly Lazy<GcListener> Collections = new(() => new GcListener());

    public BuildTimings()
    {
        if (Environment.GetEnvironmentVariable("HUB_TIMINGS") is "gc")
        {
            Collections.Value.Clock = _clock;
        }
    }

    public void Mark(string step)
    {
        if (_clock is not null)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
            var gc = GC.GetTotalPauseDuration().TotalMilliseconds;
            var collections = $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}";
            var allocated = GC.GetTotalAllocatedBytes() / (1024 * 1024);
            var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
            var jitTime = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
            Console.Error.WriteLine(
                $"timing: {_clock.ElapsedMilliseconds,6} ms  cpu {cpu,6:F0} ms  gc {gc,5:F0} ms ({collections,-8}) {allocated,5} MiB  jit {jitted,5} {jitTime,5:F0} ms  {step}");
        }
    }
}

/// <summary>Prints each garbage collection as it starts: generation, reason, and the heap in use before it.</summary>
internal sealed class GcListener : System.Diagnostics.Tracing.EventListener
{
    // GCStart_V2's Reason values (the runtime's gc_reason).
    private static readonly string[] Reasons =
        ["small object heap budget", "induced", "low memory", "empty", "large object heap budget", "out of space (small)", "out of space (large)", "induced, not forced", "stress", "low memory, blocking", "induced, compacting", "low memory (host)", "pm full gc", "low memory (host), blocking", "bgc tuning soh", "bgc tuning loh", "bgc stepping", "induced, aggressive"];

    public Stopwatch? Clock { get; set; }

    protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Informational, (System.Diagnostics.Tracing.EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
    {
        if (e.EventName is not "GCStart_V2" || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }
        var depth = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Depth")], System.Globalization.CultureInfo.InvariantCulture);
        var reason = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Reason")], System.Globalization.CultureInfo.InvariantCulture);
        Console.Error.WriteLine($"gc:     {Clock?.ElapsedMilliseconds,6} ms  gen{depth}  {(reason < Reasons.Length ? Reasons[reason] : reason.ToString(System.Globalization.CultureInfo.InvariantCulture))}  {GC.GetTotalMemory(false) / (1024 * 1024)} MiB in use");
    }
}

/// <summary>
/// Runs a build's steps and marks the end of each in <see cref="BuildTimings"/>, so that the pipeline names its steps
/// once and times none by hand. A strand is work that overlaps the steps after it; its end is marked when it is joined.
/// </summary>
internal sealed class StageRunner(BuildTimings timings)
{
    public T Step<T>(string name, Func<T> work)
    {
        var result = work();
        timings.Mark(name);
        return result;
    }

    public void Step(string name, Action work)
    {
        work();
        timings.Mark(name);
    }

    /// <summary>Starts <paramref name="work"/> on the thread pool (a task it returns is its result, not awaited).</summary>
    public Strand<T> Concurrently<T>(Func<T> work) => new(Task.Run<T>(work), timings);

    public Strand<T> ConcurrentlyAsync<T>(Func<Task<T>> work) => new(Task.Run(work), timings);

    /// <summary>Work already running (started by a step) as a strand.</summary>
    public Strand Concurrently(Task running) => new(running, timings);
}

/// <summary>Work that overlaps a build's later steps; see <see cref="StageRunner"/>.</summary>
internal sealed class Strand(Task task, BuildTimings timings)
{
    /// <summary>Waits for the work (throwing what it threw) and marks <paramref name="name"/>.</summary>
    public void Join(string name)
    {
        task.GetAwaiter().GetResult();
        timings.Mark(name);
    }
}

/// <summary>Work with a result that overlaps a build's later steps; see <see cref="StageRunner"/>.</summary>
internal sealed class Strand<T>(Task<T> task, BuildTimings timings)
{
    public Task<T> Task => task;

    /// <summary>Waits for the work (throwing what it threw), marks <paramref name="name"/> and returns its result.</summary>
    public T Join(string name)
    {
        var result = task.GetAwaiter().GetResult();
        timings.Mark(name);
        return result;
    }

    /// <summary>Waits until the work has ended, however it ended.</summary>
    public void WaitEnded() => System.Threading.Tasks.Task.WaitAny(task);
}
