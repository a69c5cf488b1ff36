//create by: 邓志锋 <280160522@qq.com> <https://www.diygw.com> DIYGW可视化设计一键生成源码
Page({
	data: {
		//用户全局信息
		userInfo: {},
		text: `<p style="text-align: center;">加快重点产业实施意见</p>`,
		text1: `<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;"><strong>一、财政支持</strong></span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">设立规模不低于1亿元的重点产业发展引导资金，列入县财政预算，按照《柳河县中小企业发展引导资金管理办法（试行）》相关规定，用于重点产业发展补助和奖励。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;"><strong>二、支持范围</strong></span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（一）固定资产投资支持。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">1.重点产业新上项目（不含采矿、选矿和矿产初级加工等矿产资源型项目）固定资产投资5000万元以上、投资强度亩均投资不低于100万元，在项目建设期，依据项目具体情况，按项目固定资产实际投资额度给企业5%-20%奖励支持，奖励支持按项目投资进度分期拨付。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">2.重点产业新上项目固定资产投资3亿元以上重大项目，在享受第1款投资支持基础上，实行&ldquo;一事一议&rdquo;。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">3.绩效支持奖励。对项目投产后根据绩效可以申请奖励。自认定当年起，按其年度地方经济贡献额给予五年奖励，其中前三年给予80%的奖励，后两年给予50%的奖励，每年最高奖励不超过5000万元。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">4.对各乡镇招商的固定资产投资项目，由各乡镇参照以上奖励支持政策执行；落户到工业集中区的固定资产投资项目，计算为乡镇招商引资任务，项目固定资产投资奖励支持及财税分成比例&ldquo;一事一议&rdquo;。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">企业固定资产投资额以企业财务数据为准，由政府成立固定资产投资项目验收组验收确认。经验收确认对项目固定资产投资额没有达到投资规模的，项目投产后，在企业绩效支持奖励中抵扣固定资产投资奖励支持。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（二）新产品研发支持。对企业取得国家专利新产品；研发并取得新产品认定证书（或文件）的新产品；大健康产业中取得国家一、二、三类新药证书（或进入目录）的新产品；新产品投产达效后，视新产品对县域经济发展带动作用和市场前景给予企业10万元&mdash;100万元资金支持。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（三）药品品种引进支持。医药企业引进年销售额5000万元以上大品种；有新药证书（仍在新药检测期、保护期、过渡期、专利保护期内）医药新品种；有价值的独家品种或独家剂型；进入国家基本药物目录、国家医保目录或省医保目录的品种；率先通过一致性评价的化学仿制药；应用于脑血管、糖尿病等多发病、肿瘤等重大疾病的新药品种。对上述医药品种剂型引进，投产达效后，视其市场发展前景和大健康产业发展带动作用，给予企业引进成本不低于10%的资金支持。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（四）医药企业政策过渡期补助。医药监管实行&ldquo;两票制&rdquo;政策之后，给医药企业增加负担。为支持企业发展，设立政策扶持过渡期，采取&ldquo;一企一策&rdquo;方式，对医药企业测算实际增加负担（剔除企业自然增长）部分，给予医药企业2年50%的资金支持。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（五）种植基地建设奖励补助。为满足企业原材料需求，全力打造全国知名有机中药材种植基地，鼓励企业与域外知名企业合法流转土地，建设GAP中药材种植基地和道地药材基地。对新发展的100&mdash;500亩（含500亩）的中药材种植基地和道地药材基地，一次性奖励企业100元/亩；对新发展的500亩以上的中药材种植基地和道地药材基地，一次性奖励企业200元/亩。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（六）企业科技创新奖励补助。鼓励支持企业加大研发投入并开展技术创新，开发先进适用的技术、工艺和设备，研制适销对路新产品。对初次认定为国家、省级企业技术（研发）中心的企业，分别给予企业100万元、30万元奖励；对初次认定为国家、省级高新技术的企业，分别给予企业30万元、10万元奖励；对在重点行业（领域）取得发明专利，完成成果转化并且销售收入超过2000万元的企业，给予企业20万元的奖励；对新设立的国家、省级科研机构，分别给予企业50万元、30万元奖励。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（七）企业品牌建设奖励补助。鼓励支持企业加强品牌建设，扩大市场影响力。对初次被认（评）定为中国驰名商标、中华老字号、国家地理标志证明商标（保护产品）的企业，给予企业50万元奖励；被认（评）定为吉林省著名商标、吉林省名牌产品的企业，给予企业3万元奖励。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（八）企业挂牌上市奖励补助。进一步培育上市资源，建立上市后备企业信息资料库，加大对企业上市扶持和引导力度，为企业上市提供全方位服务。对在主板上市企业，给予企业500万元奖励；对在中小板、创业板上市企业，给予企业300万元奖励；对在新三板挂牌企业，给予企业100万元奖励。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（九）企业升规奖励补助。对新增并纳入统计范围的规模以上工业企业，一次性给予5万元奖励；年上缴税金地方经济贡献额达到30万元以上，一次性给予10万元奖励；年上缴税金地方经济贡献额达到50万元以上，一次性给予20万元奖励。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（十）支持企业并购重组。对企业并购重组发生的土地使用权，不动产所有权和股权转让，免收变更过户手续费。对盘活启动&ldquo;双停&rdquo;企业，参与实施&ldquo;五转&rdquo;的招商项目；对民营企业兼并、收购、控股本县以外企业并在本县纳税的企业，给予一次性奖励。已在外地设有分支机构的民营企业回柳河本地结算、汇缴纳税，对国家高新技术企业整体迁入我县，或将企业总部、采购中心、研发中心迁入我县，并在我县注册纳税的企业，给予一次性奖励。在我县注册的公司，对地方经济贡献额较大的企业，实行&ldquo;一事一议&rdquo;。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">（十一）强化金融支持。做大&ldquo;助保金池&rdquo;融资担保规模，在建立&ldquo;助保金池&rdquo;基础上，采取县财政逐年增加列支和争取省风险补偿铺底资金支持方式，用3年时间，使县级&ldquo;助保金池&rdquo;风险补偿铺底资金达到1千万以上，为中小微企业提供1亿元以上的增信担保，有效缓解中小微企业融资难、融资贵问题。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;"><strong>三、政策兑现</strong></span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">各相关单位在项目投产达效后当年年末向县政府申报优惠政策奖励资料，经县委、县政府工作领导小组审核批准后，依据《柳河县中小企业发展引导资金管理办法（试行）》相关规定，次年一次性兑付奖励。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;"><strong>四、组织保障</strong></span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">成立县委、县政府重点产业发展领导小组，统筹、协调、全力推进重点产业发展，负责顶层设计、政策制定落实及重大战略推进，定期召开会议，研究解决重点产业发展过程中突出问题。各相关部门实行分工负责制，发改、财政、工信、科技等部门要全力做好国家相关政策与重点产业发展对接，积极为重点产业、重点企业、中药材等种植基地建设争取资金扶持；国土、住建、环保、市场监管、金融办等部门要为企业项目建设、品种研发和引进、品牌创建、上市融资等工作提供全方位服务；农牧、林业等部门要为中药材等基地建设提供技术支持。各责任部门要按照本实施意见，明确细化工作任务，制定具体实施细则，严格执行。坚持简政放权、优化服务，全面提升审批效率，严格落实省、市软环境建设各项规定，为重点产业发展打造最优环境。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;"><strong>五、其他规定</strong></span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">以上有关各项奖励政策如与国家相关政策规定相抵触，或因国家相关政策调整，按国家和上级文件规定执行。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">本政策涉及同一内容的奖励与其他政策文件规定不一致的，按就高不重复原则办理。</span></p>
<p class="MsoNormal" style="text-indent: 24.0pt; mso-char-indent-count: 2.0; line-height: 150%;"><span lang="EN-US" style="font-size: 12.0pt; line-height: 150%; font-family: 宋体; mso-font-kerning: 0pt; mso-fareast-language: EN-US;">本政策自发布之日起施行，以前出台的招商项目相关支持奖励政策同时废止。</span></p>
<table style="font-family: inherit;" cellspacing="0" cellpadding="0" align="left">
<tbody>
<tr>
<td width="1" height="20">&nbsp;</td>
</tr>
<tr>
<td>&nbsp;</td>
<td>&nbsp;</td>
</tr>
</tbody>
</table>`
	},
	onLoad(option) {
		this.init();
	},
	onShareAppMessage() {},
	onShareTimeline() {},
	onShow() {},
	async init() {}
});
