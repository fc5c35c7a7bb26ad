namespace Hub.Search;

/// <summary>A file to write under the site's output root (<see cref="RelativePath"/> uses '/').</summary>
public sealed record SearchFile(string RelativePath, byte[] Content);
