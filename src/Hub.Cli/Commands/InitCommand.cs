using System.CommandLine;
using Hub.Site.Scaffolding;

namespace Hub.Cli.Commands;

/// <summary><c>hub init DIR [--languages ja,ko,en]</c>: writes a new hub that builds at once, and says what to do next.</summary>
public static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var folder = new Argument<string>("folder") { Description = "The new hub's folder: missing or empty" };
        var languages = new Option<string>("--languages")
        {
            Description = "The site's languages, comma-separated; the first is the default",
            DefaultValueFactory = _ => string.Join(',', HubInitializer.DefaultLanguages),
        };
        languages.Validators.Add(result =>
        {
            if (HubInitializer.ParseLanguages(result.GetValueOrDefault<string>() ?? string.Empty).Error is { } error)
            {
                result.AddError($"{languages.Name}: {error}");
            }
        });
        var theme = new Option<string>("--theme") { Description = "The theme to copy into the new hub", DefaultValueFactory = _ => "theme" };
        var command = new Command("init", "Create a new hub that builds as it is") { folder, languages, theme };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(folder)!;
            var langs = HubInitializer.ParseLanguages(parse.GetValue(languages)!).Languages;
            var result = HubInitializer.Create(dir, langs, parse.GetValue(theme)!);
            if (result.Error is not null)
            {
                console.Error.WriteLine($"hub: error: {result.Error}");
                return HubCommandLine.UsageErrors;
            }
            var shown = Hub.Site.PathDisplay.For(dir);
            var pages = result.Files.Count(f => f.StartsWith("input/", StringComparison.Ordinal) && f != "input/hub.yml");
            console.Out.WriteLine($"created a hub in {shown}: input/ (hub.yml and {pages} pages in {string.Join(", ", langs)}), theme/, {(result.Files.Any(f => f.StartsWith("schemas/", StringComparison.Ordinal)) ? "schemas/, " : string.Empty)}.gitignore and .github/workflows/pages.yml");
            console.Out.WriteLine();
            console.Out.WriteLine("Next:");
            console.Out.WriteLine($"  cd {shown}");
            console.Out.WriteLine("  hub build              build the site into _site/ (add --strict to fail on warnings)");
            console.Out.WriteLine("  hub serve              preview it at http://127.0.0.1:5080/, rebuilt on every save");
            console.Out.WriteLine("  hub new article <slug> start a page (also: catalogue, kpi; --lang for a translation)");
            console.Out.WriteLine("Edit input/hub.yml (title, baseUrl), input/articles/, input/catalogues/ and input/kpis/; the theme is in theme/.");
            console.Out.WriteLine("To publish: push to GitHub, choose Pages -> Source: GitHub Actions and set the repository variable");
            console.Out.WriteLine("HUB_REPOSITORY to Hub's repository; .github/workflows/pages.yml builds and deploys every push to main.");
            return HubCommandLine.Ok;
        });
        return command;
    }
}
