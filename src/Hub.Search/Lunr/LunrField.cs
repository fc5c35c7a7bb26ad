namespace Hub.Search.Lunr;

/// <summary>A field of a lunr index with its build-time boost (lunr's <c>builder.field(name, { boost })</c>).</summary>
public sealed record LunrField(string Name, double Boost = 1);
