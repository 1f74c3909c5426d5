using CampaignDesk.Core;
using CampaignDesk.Core.Hosting;
using CampaignDesk.Core.Jobs;

// The jobs alone, against the same database as the API (run the API with Worker:InProcess=false).
OwnerOnlyFiles.Apply();
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCampaignDeskCore();
builder.Services.AddCampaignDeskJobs(builder.Configuration);

using var host = builder.Build();
return await HostRunner.RunAsync(host);
