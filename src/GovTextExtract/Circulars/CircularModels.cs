using GovTextExtract.Learning;
using GovTextExtract.Links;
using GovTextExtract.Roles;

namespace GovTextExtract.Circulars;

/// <summary>The two classifiers of the circular reader: mention roles (multiclass) and links (binary), with the
/// feature layout they were trained on. Trained by <c>govtext train</c> (<c>CircularTrainer</c>);
/// the library embeds <c>models/circular-roles.zip</c> and <c>models/circular-links.zip</c>.</summary>
public sealed class CircularModels
{
    private const string RolesResource = "GovTextExtract.Models.circular-roles.zip";
    private const string LinksResource = "GovTextExtract.Models.circular-links.zip";

    private static readonly Lazy<CircularModels?> EmbeddedModels = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates the pair.</summary>
    /// <param name="roles">The role classifier.</param>
    /// <param name="links">The link classifier.</param>
    /// <param name="withVotes">False when both were trained without the rule votes (an ablation).</param>
    public CircularModels(LinearModel roles, LinearModel links, bool withVotes = true)
    {
        Roles = roles ?? throw new ArgumentNullException(nameof(roles));
        Links = links ?? throw new ArgumentNullException(nameof(links));
        WithVotes = withVotes;
    }

    /// <summary>The role classifier.</summary>
    public LinearModel Roles { get; }

    /// <summary>The link classifier.</summary>
    public LinearModel Links { get; }

    /// <summary>True when the models read the rules' votes.</summary>
    public bool WithVotes { get; }

    /// <summary>The models embedded in the library, or null when it was built without them.</summary>
    public static CircularModels? Embedded => EmbeddedModels.Value;

    /// <summary>Loads the two models from files saved by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">A file holds no model of this library's features.</exception>
    public static CircularModels Load(string rolesPath, string linksPath)
    {
        using var r = File.OpenRead(rolesPath);
        using var l = File.OpenRead(linksPath);
        return new CircularModels(
            LinearModel.Load(r, rolesPath, RoleFeatures.Default.Count, RoleFeatures.RoleCount),
            LinearModel.Load(l, linksPath, LinkFeatures.Count, 2));
    }

    /// <summary>Saves the two models (deterministic bytes).</summary>
    public void Save(string rolesPath, string linksPath)
    {
        ArgumentNullException.ThrowIfNull(rolesPath);
        ArgumentNullException.ThrowIfNull(linksPath);
        foreach (var path in new[] { rolesPath, linksPath })
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir) Directory.CreateDirectory(dir);
        using (var r = File.Create(rolesPath)) Roles.Save(r);
        using (var l = File.Create(linksPath)) Links.Save(l);
    }

    private static CircularModels? LoadEmbedded()
    {
        var assembly = typeof(CircularModels).Assembly;
        using var r = assembly.GetManifestResourceStream(RolesResource);
        using var l = assembly.GetManifestResourceStream(LinksResource);
        if (r is null || l is null) return null;
        try
        {
            return new CircularModels(
                LinearModel.Load(r, RolesResource, RoleFeatures.Default.Count, RoleFeatures.RoleCount),
                LinearModel.Load(l, LinksResource, LinkFeatures.Count, 2));
        }
        catch (InvalidDataException)
        {
            // A model of other features (rules changed since training): the reader falls back to the rules.
            return null;
        }
    }
}

/// <summary>How the circular reader decides roles and links.</summary>
public enum CircularReaderKind
{
    /// <summary>The trained role and link classifiers, which read the rules' votes as features.</summary>
    Classifier,
    /// <summary>The rules' votes alone, by precedence.</summary>
    Rules,
    /// <summary>The earlier circular pairer (one rule set tuned on the corpus circular), kept while the reader above is
    /// being measured against it.</summary>
    Legacy,
}
