const { configure } = require('tccc-wx-sdk/login');
const config = require('./config');

configure({ endpoint: config.endpoint });

App({});
