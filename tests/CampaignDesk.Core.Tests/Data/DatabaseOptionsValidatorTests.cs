using CampaignDesk.Core.Data;

namespace CampaignDesk.Core.Tests.Data;

public class DatabaseOptionsValidatorTests
{
    [TestCase("Sqlite")]
    [TestCase("postgres")]
    [TestCase("SQLSERVER")]
    public void Validate_KnownProvider_Succeeds(string provider) =>
        Assert.That(Validate(new DatabaseOptions { Provider = provider, ConnectionString = "Host=x" }).Succeeded, Is.True);

    [TestCase("Oracle")]
    [TestCase("1")]
    [TestCase("")]
    public void Validate_UnknownProvider_ListsTheSupportedOnes(string provider)
    {
        var result = Validate(new DatabaseOptions { Provider = provider });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain($"'{provider}'").And.Contain("Sqlite, Postgres, SqlServer"));
    }

    [Test]
    public void Validate_ServerWithoutConnectionString_SaysItIsRequired() =>
        Assert.That(Validate(new DatabaseOptions { Provider = "Postgres" }).FailureMessage, Does.Contain("Database:ConnectionString is required"));

    [Test]
    public void Resolve_RelativeSqliteFile_IsAnchoredAtTheContentRoot()
    {
        var resolved = ConnectionStrings.Resolve(new DatabaseOptions(), "/srv/campaigndesk");

        Assert.That(resolved, Does.Contain("Data Source=/srv/campaigndesk/data/campaigndesk.db").And.Contain("Foreign Keys=True"));
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(DatabaseOptions options) =>
        new DatabaseOptionsValidator().Validate(null, options);
}
