using Hub.Bench.Corpus;
using Hub.Bench.Latency;

namespace Hub.Bench;

/// <summary>
/// <c>corpus --pages N --out DIR [--seed S] [--length L] [--mix M]</c> writes the same generated site for Hub and for Hugo;
/// <c>edit-latency --file F --html H [--runs N]</c> measures how long <c>hub serve</c> takes from saving F to H
/// containing the edit.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            return Usage();
        }
        var options = Options.Parse(args[1..]);
        return args[0] switch
        {
            "corpus" => CorpusCommand.Run(options),
            "edit-latency" => EditLatencyCommand.Run(options),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: Hub.Bench corpus --pages N --out DIR [--seed S] [--length short|medium|long|FACTOR] [--mix ja=70,ko=20,en=10]");
        Console.Error.WriteLine("       Hub.Bench edit-latency --file ARTICLE.md --html OUTPUT.html [--mode body|title] [--also H2] [--runs 5] [--pauses-ms 1100,1400,1800,2500,3500] [--search-dir OUT/search/LANG] [--timeout-s 300]");
        return 2;
    }
}
