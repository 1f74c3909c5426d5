using CampaignDesk.Api.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CampaignDesk.Api.Tests.Auth;

public class BootstrapTokenTests
{
    private DirectoryInfo _root = null!;
    private Mock<IHostEnvironment> _environment = null!;

    [SetUp]
    public void CreateContentRoot()
    {
        _root = Directory.CreateTempSubdirectory("campaigndesk-auth-");
        _environment = new Mock<IHostEnvironment>();
        _environment.SetupGet(e => e.ContentRootPath).Returns(_root.FullName);
    }

    [TearDown]
    public void DeleteContentRoot() => _root.Delete(recursive: true);

    [Test]
    public void NoConfiguredToken_GeneratesAnOwnerOnlyFileOnceAndAcceptsItsToken()
    {
        var first = Create(new AuthOptions());
        var path = Path.Combine(_root.FullName, "data", "admin-token");
        var token = File.ReadAllText(path);
        var second = Create(new AuthOptions());

        Assert.Multiple(() =>
        {
            Assert.That(token, Does.StartWith(BootstrapToken.Prefix).And.Length.GreaterThan(40));
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }

            Assert.That(first.Matches(token), Is.True);
            Assert.That(second.Matches(token), Is.True, "a restart keeps the same token");
            Assert.That(first.Matches(token + "x"), Is.False);
        });
    }

    [Test]
    public void ConfiguredToken_IsTheOnlyOneAcceptedAndNoFileIsWritten()
    {
        var token = Create(new AuthOptions { BootstrapAdminToken = "cd_configured-token-long-enough-123" });

        Assert.That(token.Matches("cd_configured-token-long-enough-123"), Is.True);
        Assert.That(token.Matches("cd_other-token-long-enough-12345"), Is.False);
        Assert.That(Directory.Exists(Path.Combine(_root.FullName, "data")), Is.False);
    }

    [TestCase("short")]
    [TestCase("                              ")]
    public void ConfiguredTokenTooShort_RefusesToStart(string configured) =>
        Assert.That(() => Create(new AuthOptions { BootstrapAdminToken = configured, AdminTokenFile = "" }),
            configured.Trim().Length == 0 ? Throws.Nothing : Throws.TypeOf<CampaignDesk.Core.Hosting.StartupException>());

    [Test]
    public void EmptyTokenFile_RefusesToStartRatherThanAcceptAnEmptyToken()
    {
        Directory.CreateDirectory(Path.Combine(_root.FullName, "data"));
        File.WriteAllText(Path.Combine(_root.FullName, "data", "admin-token"), "");

        Assert.That(() => Create(new AuthOptions()), Throws.TypeOf<CampaignDesk.Core.Hosting.StartupException>());
    }

    [Test]
    public void NoTokenAndNoFile_AcceptsNothing()
    {
        var token = Create(new AuthOptions { AdminTokenFile = "" });

        Assert.That(token.Matches(""), Is.False);
    }

    private BootstrapToken Create(AuthOptions options) =>
        new(Options.Create(options), _environment.Object, NullLogger<BootstrapToken>.Instance);
}
