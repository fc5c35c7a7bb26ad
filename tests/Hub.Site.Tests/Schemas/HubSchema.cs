using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Site.Tests.Infrastructure;
using Json.Schema;

namespace Hub.Site.Tests.Schemas;

/// <summary>One of the JSON Schemas under <c>schemas/</c>, read both as a validator and as plain JSON.</summary>
internal sealed class HubSchema
{
    public static readonly HubSchema Site = new("hub");
    public static readonly HubSchema Article = new("article");
    public static readonly HubSchema Catalogue = new("catalogue");
    public static readonly HubSchema Kpi = new("kpi");
    public static readonly HubSchema Term = new("term");
    public static readonly HubSchema Tags = new("tags");

    private readonly JsonSchema _schema;

    private HubSchema(string name)
    {
        Path = System.IO.Path.Combine(TestSite.RepoRoot, "schemas", name + ".schema.json");
        var text = File.ReadAllText(Path);
        Json = JsonNode.Parse(text)!.AsObject();
        // The relative $id resolves against the schema's own file, as an editor resolves it.
        _schema = JsonSchema.FromText(text, baseUri: new Uri(Path));
    }

    public string Path { get; }

    public JsonObject Json { get; }

    /// <summary>The schema that validates the file at <paramref name="relativePath"/> under <c>input/</c>.</summary>
    public static HubSchema For(string relativePath) => relativePath switch
    {
        "hub.yml" => Site,
        "tags.yml" => Tags,
        _ when relativePath.StartsWith("articles/", StringComparison.Ordinal) => Article,
        _ when relativePath.StartsWith("catalogues/", StringComparison.Ordinal) => Catalogue,
        _ when relativePath.StartsWith("kpis/", StringComparison.Ordinal) => Kpi,
        _ when relativePath.StartsWith("glossary/", StringComparison.Ordinal) => Term,
        _ => throw new ArgumentException($"no schema for '{relativePath}'", nameof(relativePath)),
    };

    /// <summary>The schema's complaints about <paramref name="instance"/>, one line each; empty when it is valid.</summary>
    public IReadOnlyList<string> Errors(JsonNode? instance)
    {
        using var document = JsonDocument.Parse(instance?.ToJsonString() ?? "null");
        var results = _schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var errors = new List<string>();
        Collect(results, errors);
        return errors;
    }

    /// <summary>The errors of the failed branches only: a passing branch (one <c>anyOf</c> alternative that matched)
    /// keeps the errors of its own failed alternatives, which say nothing about the instance.</summary>
    private static void Collect(EvaluationResults result, List<string> errors)
    {
        if (result.IsValid)
        {
            return;
        }
        var count = errors.Count;
        foreach (var (keyword, message) in result.Errors ?? new Dictionary<string, string>())
        {
            errors.Add($"{result.InstanceLocation} ({result.EvaluationPath}/{keyword}): {message}");
        }
        foreach (var detail in result.Details ?? [])
        {
            Collect(detail, errors);
        }
        if (errors.Count == count)
        {
            // A failed "not" has only a passing branch below it.
            errors.Add($"{result.InstanceLocation} ({result.EvaluationPath}): the value is one the schema excludes");
        }
    }

    /// <summary>The node at a JSON pointer such as <c>/properties/result/properties/format/enum</c>.</summary>
    public JsonNode At(string pointer)
    {
        JsonNode node = Json;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonArray array ? array[int.Parse(part, System.Globalization.CultureInfo.InvariantCulture)]! : node[part]
                ?? throw new InvalidOperationException($"{Path}: nothing at '{pointer}'");
        }
        return node;
    }

    public IReadOnlyList<string> Strings(string pointer) => At(pointer).AsArray().Select(n => n!.GetValue<string>()).ToList();
}
