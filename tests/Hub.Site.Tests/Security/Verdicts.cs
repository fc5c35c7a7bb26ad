using Hub.Cli.Commands;
using Hub.Site.Tests.Infrastructure;

namespace Hub.Site.Tests.Security;

/// <summary>Builds an invalid fixture site both ways (<c>hub build</c> and <c>hub check</c>) and insists on one verdict.</summary>
internal static class Verdicts
{
    public static Dictionary<string, string> With(params (string Path, string Text)[] files) => Fixtures.BasicWith(files);

    /// <summary>The diagnostics of a failed build, paths relative to the input; <c>check</c> must report the very same.</summary>
    public static List<string> Errors(Dictionary<string, string> files)
    {
        using var site = new TestSite(files);
        var build = site.Build();
        var check = SiteBuilder.Build(site.Options() with { WriteOutput = false });
        Assert.False(build.Succeeded);
        var errors = Relative(site, build);
        Assert.Equal(errors, Relative(site, check));
        return errors;
    }

    /// <summary>Runs <c>hub build</c> and <c>hub check</c> on the site through the command line: both exit 1, neither shows a stack trace.</summary>
    public static string CliErrors(TestSite site)
    {
        var build = Run("build", "--input", site.Input, "--theme", TestSite.Theme, "--output", site.Output);
        var check = Run("check", "--input", site.Input, "--theme", TestSite.Theme);
        foreach (var (exit, stdout, stderr) in new[] { build, check })
        {
            Assert.Equal(1, exit);
            Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", stdout + stderr, StringComparison.Ordinal);
        }
        Assert.Equal(build.Err, check.Err);
        return build.Err;
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = HubCommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static List<string> Relative(TestSite site, BuildResult result)
    {
        return site.Shown(result);
    }
}
