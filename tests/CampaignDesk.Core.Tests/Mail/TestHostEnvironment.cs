using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CampaignDesk.Core.Tests.Mail;

internal sealed class TestHostEnvironment(string contentRootPath) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Test";

    public string ApplicationName { get; set; } = "CampaignDesk.Tests";

    public string ContentRootPath { get; set; } = contentRootPath;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
