namespace Hub.Site;

/// <summary>Receives the build's progress: the CLI shows a bar on a terminal and plain lines otherwise.</summary>
public interface IBuildProgress
{
    void Stage(string name, int total);

    void Advance(int count = 1);
}

public sealed class NoProgress : IBuildProgress
{
    public static readonly NoProgress Instance = new();

    public void Stage(string name, int total)
    {
    }

    public void Advance(int count = 1)
    {
    }
}
