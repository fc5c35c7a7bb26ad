using Hub.Site;
using Spectre.Console;

namespace Hub.Cli.Commands;

/// <summary>Runs a build with a Spectre.Console progress bar on a terminal, or plain stage lines otherwise.</summary>
public static class ProgressReporter
{
    public static BuildResult Run(CliConsole console, Func<IBuildProgress, BuildResult> build)
    {
        if (!console.Interactive)
        {
            return build(new PlainProgress(console.Out));
        }
        BuildResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx => result = build(new SpectreProgress(ctx)));
        return result!;
    }

    private sealed class PlainProgress(TextWriter output) : IBuildProgress
    {
        public void Stage(string name, int total) => output.WriteLine($"{name} ({total})");

        public void Advance(int count = 1)
        {
        }
    }

    private sealed class SpectreProgress(ProgressContext context) : IBuildProgress
    {
        private ProgressTask? _task;

        public void Stage(string name, int total)
        {
            _task?.StopTask();
            _task = context.AddTask(name, maxValue: Math.Max(1, total));
        }

        public void Advance(int count = 1) => _task?.Increment(count);
    }
}
