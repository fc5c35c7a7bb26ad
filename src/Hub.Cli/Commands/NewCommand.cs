using System.CommandLine;
using Hub.Site.Scaffolding;

namespace Hub.Cli.Commands;

/// <summary><c>hub new article|catalogue|kpi &lt;slug&gt; [--lang ja]</c>: writes a valid file to start from.</summary>
public static class NewCommand
{
    public static Command Create(CliConsole console)
    {
        var kind = new Argument<string>("kind") { Description = "article, catalogue or kpi" };
        kind.AcceptOnlyFromAmong(Scaffolder.Kinds.ToArray());
        var slug = new Argument<string>("slug") { Description = "The file name and URL segment, e.g. onboarding-checklist" };
        var lang = new Option<string?>("--lang") { Description = "The page's language; the site's default language when omitted" };
        var command = new Command("new", "Create a new article, catalogue or KPI page") { kind, slug, lang, HubCommandLine.Input };
        command.SetAction(parse =>
        {
            var result = Scaffolder.Create(parse.GetValue(HubCommandLine.Input)!, parse.GetValue(kind)!, parse.GetValue(slug)!, parse.GetValue(lang));
            if (result.Error is not null)
            {
                console.Error.WriteLine($"hub: error: {result.Error}");
                return HubCommandLine.UsageErrors;
            }
            console.Out.WriteLine($"created {result.Path}");
            if (parse.GetValue(kind) == "article")
            {
                // A draft is left out of build and serve: without this line the new article seems to have vanished.
                console.Out.WriteLine("It is a draft (draft: true): build and serve leave it out. Set draft: false to publish it, or preview it with hub serve --drafts.");
            }
            return HubCommandLine.Ok;
        });
        return command;
    }
}
