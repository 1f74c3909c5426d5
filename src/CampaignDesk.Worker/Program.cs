using CampaignDesk.Core;
using CampaignDesk.Core.Data;
using CampaignDesk.Core.Hosting;
using CampaignDesk.Core.Jobs;

// The jobs alone, against the same database as the API (run the API with Worker:InProcess=false).
OwnerOnlyFiles.Apply();
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCampaignDeskCore();
builder.Services.AddCampaignDeskJobs(builder.Configuration);
// The API (or its migrate command) owns the schema: a separate worker only checks it, unless Worker:MigrateOnStart says otherwise.
var migrateOnStart = builder.Configuration.GetValue<bool>($"{WorkerOptions.SectionName}:{nameof(WorkerOptions.MigrateOnStart)}");
builder.Services.Configure<DatabaseStartupOptions>(options => options.CheckOnly = !migrateOnStart);

using var host = builder.Build();
return await HostRunner.RunAsync(host);
