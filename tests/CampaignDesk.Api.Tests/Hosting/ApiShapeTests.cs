using System.Text.RegularExpressions;
using CampaignDesk.TestSupport;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignDesk.Api.Tests.Hosting;

/// <summary>Rules of the API's shape (issue 18): one way to build a problem, and HTTP bodies that are the API's own records.</summary>
public class ApiShapeTests : ApiTest
{
    /// <summary>What builds a problem other than <c>Hosting/Problems</c>.</summary>
    private static readonly Regex ProblemBuilders = new(
        @"new (CatalogProblem|CatalogValidationProblem|ProblemDetails|HttpValidationProblemDetails)\b(?!Context)"
        + @"|Results\.(Problem|ValidationProblem|BadRequest|Conflict|NotFound|UnprocessableEntity)\(");

    /// <summary>Files that still build a problem of their own, until their feature's result becomes an Outcome (issue 18).</summary>
    private static readonly string[] Pending = ["CampaignDesk.Api/Organisations/OrganisationsApi.cs"];

    [Test]
    public void Problems_AreBuiltOnlyByProblems()
    {
        var src = Path.Combine(BuiltPrograms.RepositoryRoot, "src");
        var offenders = Directory.EnumerateFiles(Path.Combine(src, "CampaignDesk.Api"), "*.cs", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(src, path).Replace('\\', '/')))
            .Where(f => !f.Relative.Contains("/obj/", StringComparison.Ordinal) && !f.Relative.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => f.Relative is not ("CampaignDesk.Api/Hosting/Problems.cs" or "CampaignDesk.Api/Hosting/CatalogProblems.cs"))
            .Where(f => !Pending.Contains(f.Relative))
            .SelectMany(f => File.ReadLines(f.Path).Select((line, i) => (line, i))
                .Where(l => ProblemBuilders.IsMatch(l.line))
                .Select(l => $"{f.Relative}:{l.i + 1}: {l.line.Trim()}"))
            .ToList();

        Assert.That(offenders, Is.Empty, "Build problems with Hosting/Problems (Of, Invalid, NotFound…): one status, title, code and errors shape.");
    }

    [Test]
    public void RequestBodies_AreApiRecords_MappedToCoreInputs()
    {
        var bound = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.GetOrderedMetadata<IAcceptsMetadata>().Select(a => (Endpoint: e.DisplayName, a.RequestType)))
            .Where(b => b.RequestType?.Namespace?.StartsWith("CampaignDesk.Core", StringComparison.Ordinal) == true)
            .Select(b => $"{b.Endpoint}: {b.RequestType}")
            .ToList();

        Assert.That(bound, Is.Empty, "Bind an Api request record (Api/<Feature>/<Feature>Requests.cs) and map it with ToInput().");
    }
}
