namespace CampaignDesk.Core.Resources;

/// <summary>Files shipped inside the assembly (migrations, seed data), named with forward slashes on every OS.</summary>
public static class EmbeddedFiles
{
    public static IEnumerable<string> List(string prefix) =>
        typeof(EmbeddedFiles).Assembly.GetManifestResourceNames()
            .Select(name => name.Replace('\\', '/'))
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static Stream Open(string name)
    {
        var assembly = typeof(EmbeddedFiles).Assembly;
        var actual = assembly.GetManifestResourceNames().FirstOrDefault(n => n.Replace('\\', '/') == name)
            ?? throw new InvalidOperationException($"Embedded file '{name}' is missing from {assembly.GetName().Name}.");
        return assembly.GetManifestResourceStream(actual)!;
    }

    public static string ReadAllText(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }
}
