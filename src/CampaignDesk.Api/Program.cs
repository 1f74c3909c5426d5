using CampaignDesk.Api.Cli;
using CampaignDesk.Api.Hosting;
using CampaignDesk.Core.Hosting;

OwnerOnlyFiles.Apply();
if (Commands.TryGet(args) is { } command)
{
    return await command();
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCampaignDeskApi();

var app = builder.Build();
app.UseCampaignDeskApi();

return await HostRunner.RunAsync(app);

/// <summary>The API's entry point, named so tests can host it.</summary>
public partial class Program;
