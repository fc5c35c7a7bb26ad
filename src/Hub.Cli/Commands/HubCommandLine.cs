using System.CommandLine;
using Hub.Site.Config;

namespace Hub.Cli.Commands;

/// <summary>The <c>hub</c> command line: options per the contract, parsed by System.CommandLine.</summary>
public static class HubCommandLine
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int UsageErrors = 2;

    public static readonly Option<string> Input = new("--input") { Description = "The content folder", DefaultValueFactory = _ => "input" };
    public static readonly Option<string> Theme = new("--theme") { Description = "The theme folder", DefaultValueFactory = _ => "theme" };
    public static readonly Option<string> Output = NotEmpty(new("--output") { Description = "Where the site is written", DefaultValueFactory = _ => "_site" });
    public static readonly Option<string?> BasePath = ValidBasePath(new("--base-path") { Description = "Serve the site under this path, e.g. /cs-hub/ for a GitHub Pages project site" });
    public static readonly Option<bool> Drafts = new("--drafts") { Description = "Include pages marked draft: true" };
    public static readonly Option<bool> Strict = new("--strict") { Description = "Treat warnings as errors" };
    public static readonly Option<bool> NoGitDates = new("--no-git-dates") { Description = "Do not read when pages last changed from git (front matter 'updated' only)" };
    public static readonly Option<bool> Force = new("--force") { Description = "Build even when nothing changed since the last build" };

    /// <summary>An empty folder name would mean the working directory: a usage error rather than a guess.</summary>
    private static Option<string> NotEmpty(Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError($"{option.Name} must name a folder");
            }
        });
        return option;
    }

    /// <summary>Every URL of the site starts with the base path, so it is checked before anything is built.</summary>
    private static Option<string?> ValidBasePath(Option<string?> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } path && !SiteConfig.IsValidBasePath(path))
            {
                result.AddError($"{option.Name}: {SiteConfig.BasePathError(path)}");
            }
        });
        return option;
    }

    public static int Run(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var console = new CliConsole(stdout ?? Console.Out, stderr ?? Console.Error);
        var root = CreateRoot(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"hub: error: {error.Message}");
            }
            console.Error.WriteLine("Run 'hub --help' for usage.");
            return UsageErrors;
        }
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return parse.Invoke(config);
    }

    /// <summary>The command tree, also read by the test that keeps docs/cli.md in step with it.</summary>
    public static RootCommand CreateRoot(CliConsole console) => new("Hub: a static site generator for a Customer Success knowledge hub")
    {
        BuildCommand.Create(console),
        CheckCommand.Create(console),
        ServeCommand.Create(console),
        NewCommand.Create(console),
        InitCommand.Create(console),
        ExplainCommand.Create(console),
        TranslationsCommand.Create(console),
    };
}
