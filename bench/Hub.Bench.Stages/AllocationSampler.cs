using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace Hub.Bench.Stages;

/// <summary>
/// The runtime's allocation samples (one GC AllocationTick event per ~100 KB allocated on a thread), summed by
/// stage and type: which types a stage's allocations are made of, to see what to allocate less of.
/// </summary>
public sealed class AllocationSampler : RuntimeEventListener
{
    private const int AllocationTick = 10;
    private const long GcKeyword = 0x1;

    private readonly ConcurrentDictionary<(string Stage, string Type), long> _bytes = new();

    protected override EventKeywords Keywords => (EventKeywords)GcKeyword;

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTick || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }
        var type = eventData.Payload[eventData.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationAmount64")], CultureInfo.InvariantCulture);
        // AllocationKind 1: the large object heap, whose budget starts gen2 collections of its own.
        if (Convert.ToInt32(eventData.Payload[eventData.PayloadNames.IndexOf("AllocationKind")], CultureInfo.InvariantCulture) == 1)
        {
            type = "(large object heap) " + type;
        }

        _bytes.AddOrUpdate((DynamicMethodCounter.Stage, type), amount, (_, n) => n + amount);
    }

    /// <summary>Per stage, the types that make up most of its sampled allocations.</summary>
    public void Print(TextWriter writer, int perStage = 12)
    {
        writer.WriteLine("## Sampled allocations by stage and type (MiB)");
        foreach (var stage in _bytes.GroupBy(kv => kv.Key.Stage).OrderByDescending(g => g.Sum(kv => kv.Value)))
        {
            writer.WriteLine();
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"### {stage.Key}: {stage.Sum(kv => kv.Value) / 1048576.0:F1} MiB sampled"));
            foreach (var (key, bytes) in stage.OrderByDescending(kv => kv.Value).Take(perStage))
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0,8:F1}  {key.Type}"));
            }
        }
    }
}
