using PublicApiGenerator;

namespace GovTextExtract.Tests.Api;

/// <summary>
/// The library's public API, as PublicApiGenerator prints it, must equal the checked-in
/// <c>GovTextExtract.approved.txt</c>. A change to the public surface of the NuGet package is then a visible diff in
/// review rather than an accident.
/// </summary>
public class PublicApiTests
{
    private const string ApiFolder = "tests/GovTextExtract.Tests/Api";
    private const string ApprovedName = "GovTextExtract.approved.txt";
    private const string ReceivedName = "GovTextExtract.received.txt";

    /// <summary>The one command that accepts the received API, run from the repository root.</summary>
    internal const string AcceptCommand = $"cp {ApiFolder}/{ReceivedName} {ApiFolder}/{ApprovedName}";

    internal static string GenerateApi()
    {
        var options = new ApiGeneratorOptions
        {
            // Assembly attributes (target framework, InternalsVisibleTo for these tests) are not API a consumer uses.
            IncludeAssemblyAttributes = false,
        };
        return Normalize(typeof(GovText).Assembly.GeneratePublicApi(options));
    }

    [Fact]
    public void Public_api_matches_the_approved_file()
    {
        var folder = Path.Combine(FindRepositoryRoot(), ApiFolder);
        var approvedPath = Path.Combine(folder, ApprovedName);
        var receivedPath = Path.Combine(folder, ReceivedName);

        var received = GenerateApi();
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : "";

        if (received == approved)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        Assert.Fail(
            $"The public API of GovTextExtract differs from {ApiFolder}/{ApprovedName}" +
            (File.Exists(approvedPath) ? "" : " (the approved file does not exist)") + ".\n" +
            $"The API now is in {ApiFolder}/{ReceivedName}. If the change is intended, accept it from the repository " +
            $"root with:\n\n    {AcceptCommand}\n\nand commit the approved file.\n\n" + Difference(approved, received));
    }

    [Fact]
    public void The_generated_api_names_the_entry_points_a_consumer_starts_from()
    {
        // Guards the approval test against comparing two empty texts (a generator that printed nothing).
        var api = GenerateApi();
        Assert.Contains("public static class GovText", api);
        Assert.Contains("public sealed class ExtractionPipeline", api);
        Assert.Contains("public sealed class CompletionRecord", api);
    }

    [Fact]
    public void The_difference_lists_removed_and_added_lines()
    {
        var text = Difference("a\nb\nc\n", "a\nc\nd\n");
        Assert.Contains("- b", text);
        Assert.Contains("+ d", text);
        Assert.DoesNotContain("- a", text);
        Assert.DoesNotContain("+ c", text);
    }

    /// <summary>Lines only in the approved text (-) and lines only in the received text (+), at most 60.</summary>
    internal static string Difference(string approved, string received)
    {
        var approvedLines = approved.Split('\n');
        var receivedLines = received.Split('\n');
        var removed = approvedLines.Except(receivedLines).Where(l => l.Trim().Length > 0).Select(l => "- " + l.Trim());
        var added = receivedLines.Except(approvedLines).Where(l => l.Trim().Length > 0).Select(l => "+ " + l.Trim());
        var lines = removed.Concat(added).ToList();
        var shown = lines.Take(60).ToList();
        if (lines.Count > shown.Count) shown.Add($"… and {lines.Count - shown.Count} more lines");
        return "Changed lines:\n" + string.Join('\n', shown);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd() + "\n";

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovTextExtract.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException(
            $"no GovTextExtract.sln above {AppContext.BaseDirectory}; the public API test runs from a build inside the repository");
    }
}
